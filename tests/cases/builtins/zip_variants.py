print(list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3), range(3))))
print(dict(zip("abc", [1, 2, 3])), list(zip(*[(1, "a"), (2, "b")])))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
