results = [None] * 3
for i in range(3):
    results[i] = summarize("x")
print(results[0].upper())
print(", ".join(results))
nums = []
nums.append(1)
nums.append("a")
print(", ".join(str(n) for n in nums))
cfg = {"retries": 3}
cfg["name"] = "x"
print(cfg["name"].upper())
acc = {}
for u in list_users():
    acc[u["name"]] = u["id"]
print(sum(acc.values()))
rows = [[]]
rows[0].append("x")
print(rows[0][0].upper())
users = list_users()
rows = [{"name": u["name"]} for u in users]
for r in rows:
    r["score"] = 1.5
    print(r["score"] + 1)
tables = read_table("x")
for t in tables:
    t["n"] = 1
for key, vals in {"a": [1]}.items():
    vals.append("x")
    print(vals[-1].upper())
