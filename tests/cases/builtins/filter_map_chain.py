nums = range(1, 21)
r = list(map(lambda x: x * x, filter(lambda x: x % 3 == 0, nums)))
print(r, sum(r))
print(list(filter(str.isdigit, ["1", "a", "22", ""])), list(filter(lambda s: len(s) > 1, ["a", "bb", "ccc"])))
