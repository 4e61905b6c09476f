from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, 2)
print(type(p) is P, type(p) == P, isinstance(p, P), isinstance(p, tuple), type(p), P)
print(repr(type(p)))
