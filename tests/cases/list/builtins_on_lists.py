l = [4, 1, 8, 3]
print(len(l), sum(l), min(l), max(l), sorted(l), list(reversed(l)))
print(any(x > 7 for x in l), all(x > 0 for x in l), any([]), all([]))
print(list(enumerate(l, 1)), list(zip(l, "abcd")))
print(sum([[1], [2, 3]], []), sum([0.5, 0.25], 10))
