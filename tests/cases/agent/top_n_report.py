products = [("widget", 120, 2.5), ("gadget", 30, 12.0), ("doohickey", 75, 4.25), ("gizmo", 300, 1.1), ("thing", 5, 99.99)]
by_revenue = sorted(products, key=lambda p: p[1] * p[2], reverse=True)
for rank, (name, qty, price) in enumerate(by_revenue[:3], 1):
    print(f"#{rank} {name.title():<10} qty={qty:<4d} revenue=${qty * price:>8,.2f}")
print("cheapest:", min(products, key=lambda p: p[2])[0])
print("avg price: %.3f" % (sum(p[2] for p in products) / len(products)))
