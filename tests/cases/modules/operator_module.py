import operator
from operator import itemgetter, attrgetter, methodcaller
from collections import namedtuple
rows = [{"n": "b", "v": 2}, {"n": "a", "v": 2}, {"n": "c", "v": 1}]
print(sorted(rows, key=itemgetter("v")), sorted(rows, key=itemgetter("v", "n")))
print(itemgetter(1)([5, 6]), itemgetter(0, 2)("abc"), itemgetter(slice(1, None))([1, 2, 3]))
print(sorted({"x": 3, "y": 1}.items(), key=operator.itemgetter(1), reverse=True))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "b")("aa"))
print(operator.add(1, 2), operator.mul("a", 3), operator.sub(5, 3), operator.truediv(1, 4), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 5), operator.neg(3), operator.not_(0), operator.truth([]), operator.eq(1, 1.0), operator.lt("a", "b"), operator.contains([1], 1), operator.getitem({"a": 1}, "a"), operator.concat([1], [2]), operator.and_(6, 3), operator.or_(1, 2), operator.xor(3, 1), operator.index(5), operator.is_(None, None), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.abs(-2), operator.inv(5))
from functools import reduce
print(reduce(operator.mul, range(1, 6)), reduce(operator.add, ["a", "b"], ""))
d = {}; operator.setitem(d, "k", 1); print(d); operator.delitem(d, "k"); print(d)
Pt = namedtuple("Pt", "x y")
print(attrgetter("x")(Pt(1, 2)), attrgetter("x", "y")(Pt(3, 4)), attrgetter("real")(5))
try:
    operator.add(1, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    itemgetter("zz")({})
except KeyError as e:
    print("KeyError:", e)
