r = reversed([1, 2, 3])
print(next(r), list(r))
print(list(reversed(range(1, 10, 3))), list(reversed("abc")), list(reversed({"a": 1, "b": 2})))
print(sorted(reversed([2, 3, 1])), list(reversed(sorted("bca"))))
