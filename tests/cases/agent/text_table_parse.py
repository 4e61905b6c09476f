table = """| name  | qty | price |
|-------|-----|-------|
| bolt  | 100 | 0.05  |
| nut   | 250 | 0.03  |
| gear  | 7   | 12.50 |"""
rows = []
for line in table.splitlines()[2:]:
    cells = [c.strip() for c in line.strip("|").split("|")]
    rows.append({"name": cells[0], "qty": int(cells[1]), "price": float(cells[2])})
print(rows)
print("total value:", round(sum(r["qty"] * r["price"] for r in rows), 2))
print("most valuable:", max(rows, key=lambda r: r["qty"] * r["price"])["name"])
