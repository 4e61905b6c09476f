t = (1, "a", 2.5)
print(t, len(t), t[1], t[-1], t[:2], t + (None,), t * 2)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"))
print(t.count(1), t.index("a"), 2.5 in t)
a, b, c = t
print(a, b, c)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
