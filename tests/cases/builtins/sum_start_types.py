print(sum([1, 2], 0.5), sum([[1], [2]], []), sum([(1,), (2,)], ()), sum([], 10), sum(range(5), start=100))
print(sum([0.1] * 3), sum([1e100, 1, -1e100]), sum([True, True, True]))
try:
    sum([1, 2], "")
except TypeError as e:
    print(type(e).__name__, e)
