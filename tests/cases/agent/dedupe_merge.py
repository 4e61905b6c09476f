a = [{"id": 1, "v": "a"}, {"id": 2, "v": "b"}]
b = [{"id": 2, "v": "B"}, {"id": 3, "v": "c"}]
merged = {r["id"]: r for r in a}
for r in b:
    merged[r["id"]] = {**merged.get(r["id"], {}), **r}
print(list(merged.values()))
print(sorted(merged), [merged[k]["v"] for k in sorted(merged)])
