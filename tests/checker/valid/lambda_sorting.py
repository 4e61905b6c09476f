rows = read_table("people")
rows.sort(key=lambda r: (r["age"], r["name"]))
oldest = max(rows, key=lambda r: r["age"], default=None)
print(oldest, sorted(rows, key=lambda r: r.get("name", ""))[:3])
