# Agent-style pipeline over 10k records: build records as a tool would return them,
# filter, group, aggregate, sort and format a report.
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

regions = ["north", "south", "east", "west", "central"]
products = ["widget", "gadget", "gizmo", "doohickey", "thing", "sprocket"]
records = []
for i in range(10000):
    records.append({
        "id": i,
        "region": regions[rnd(5)],
        "product": products[rnd(6)],
        "qty": rnd(20) + 1,
        "price": round(rnd(10000) / 100, 2),
        "status": "refunded" if rnd(10) == 0 else "paid",
        "tags": ["promo"] if rnd(4) == 0 else [],
    })

for rep in range(5):
    paid = [r for r in records if r["status"] == "paid"]
    by_region = {}
    for r in paid:
        agg = by_region.setdefault(r["region"], {"orders": 0, "revenue": 0.0, "products": {}})
        agg["orders"] += 1
        rev = r["qty"] * r["price"]
        agg["revenue"] += rev
        agg["products"][r["product"]] = agg["products"].get(r["product"], 0) + rev
    lines = []
    for region, agg in sorted(by_region.items(), key=lambda kv: -kv[1]["revenue"]):
        top = max(agg["products"].items(), key=lambda kv: kv[1])
        lines.append(f"{region:<8}{agg['orders']:>6}{agg['revenue']:>14,.2f}  top={top[0]}")
    promo = sum(1 for r in paid if "promo" in r["tags"])
    big = sorted(paid, key=lambda r: (-r["qty"] * r["price"], r["id"]))[:5]
print("\n".join(lines))
print("promo orders:", promo, "biggest:", [r["id"] for r in big])
