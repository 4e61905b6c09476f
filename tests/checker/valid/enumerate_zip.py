names = ["a", "b"]
ages = [1, 2]
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i + 1, n.upper(), a)
for idx, name in enumerate(names):
    print(idx * 2, name.title())
print(dict(zip(names, ages)), list(map(str, ages)), list(filter(None, ages)))
