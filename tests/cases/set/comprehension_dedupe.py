data = [5, 3, 5, 1, 3, 9, 1]
print({x % 4 for x in data})
seen = set()
uniq = []
for x in data:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq, sorted(seen), len(seen))
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
