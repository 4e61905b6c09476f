pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for first, *rest in [[1, 2, 3], [4]]:
    print(first, rest)
d = {"k1": [1, 2], "k2": [3, 4]}
for k, (x, y) in d.items():
    print(k, x * y)
