# Dict work: counting, lookups with get/setdefault, iteration over items.
counts = {}
for i in range(600000):
    key = "k" + str(i % 1000)
    counts[key] = counts.get(key, 0) + 1
groups = {}
for i in range(100000):
    groups.setdefault(i % 97, []).append(i)
total = 0
for k, v in counts.items():
    total += v
lookups = 0
keys = list(counts)
for _ in range(150):
    for k in keys:
        if k in counts:
            lookups += counts[k]
int_d = {i: i * i for i in range(50000)}
s = 0
for i in range(0, 50000, 3):
    s += int_d[i]
print(len(counts), total, len(groups), lookups, s)
