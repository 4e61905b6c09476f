s = ""
for w in ["a", "b"]:
    s += w
n = 0
n += 1.5
items = []
items += [1]
print(s.upper(), n * 2, items)
