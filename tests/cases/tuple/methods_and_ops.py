t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t.count(1), t.index(4), t.index(1, 2), len(t), min(t), max(t), sum(t), sorted(t))
print(t[2:5], t[::-1], t + (0,), (0,) * 3, 4 in t, 7 not in t)
print(tuple(reversed(t)), tuple(x * 2 for x in t if x > 3))
try:
    t.index(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t + [1]
except TypeError as e:
    print(type(e).__name__, e)
