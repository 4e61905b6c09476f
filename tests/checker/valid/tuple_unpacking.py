pairs = [("a", 1), ("b", 2)]
for name, num in pairs:
    print(name.upper(), num + 1)
first, *rest = [1, 2, 3]
print(first + 1, rest)
(x, y), z = (1, 2), 3
print(x + y + z)
hit = search("q")[0]
url, title, rank = hit
print(url.lower(), rank + 1)
