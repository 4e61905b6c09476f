print(max(1, 2, 3), min([4, 2, 8]), max("abc"), min((3, 1), (2, 9)))
print(max([1, -5, 3], key=abs), min(["aa", "b", "cc"], key=len), max({"a": 3, "b": 1}))
print(max([], default=None), min(iter([]), default="empty"))
print(max(2, 2.0), max(2.0, 2), min(0, False), max(True, 1))
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
