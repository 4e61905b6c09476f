print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum((0.1, 0.2)), sum(range(101)))
print(sorted([3, 1, 2]), sorted("cba"), sorted({3: 1, 1: 2}), sorted([3, 1, 2], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("abc")))
try:
    sum(["a"], "")
except TypeError as e:
    print(type(e).__name__, e)
