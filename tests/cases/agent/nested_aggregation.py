sales = [
    ("2024-01", "north", "widget", 10),
    ("2024-01", "south", "widget", 4),
    ("2024-02", "north", "gadget", 7),
    ("2024-02", "north", "widget", 3),
    ("2024-02", "south", "gadget", 9),
]
cube = {}
for month, region, product, n in sales:
    cube.setdefault(month, {}).setdefault(region, {})
    cube[month][region][product] = cube[month][region].get(product, 0) + n
for month in sorted(cube):
    for region in sorted(cube[month]):
        items = ", ".join(f"{p}={n}" for p, n in sorted(cube[month][region].items()))
        print(month, region, items)
totals = {m: sum(n for r in cube[m].values() for n in r.values()) for m in cube}
print(totals)
