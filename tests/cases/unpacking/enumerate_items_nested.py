data = {"x": [1, 2], "y": [3, 4]}
for i, (k, (a, b)) in enumerate(data.items()):
    print(i, k, a, b)
pairs = list(zip(*[("a", 1), ("b", 2), ("c", 3)]))
print(pairs)
letters, nums = pairs
print(letters, nums)
