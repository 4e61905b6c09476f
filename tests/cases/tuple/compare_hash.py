print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 99), (1, 2) == (1, 2))
d = {(0, 0): "origin", (1, 2): "p"}
print(d[(1, 2)], d[0, 0])
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(hash((1, 2)) == hash((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
