orders = [
    {"id": 1, "customer": "acme", "total": 250.0, "status": "paid"},
    {"id": 2, "customer": "globex", "total": 99.5, "status": "pending"},
    {"id": 3, "customer": "acme", "total": 75.25, "status": "paid"},
    {"id": 4, "customer": "initech", "total": 310.0, "status": "refunded"},
    {"id": 5, "customer": "globex", "total": 20.0, "status": "paid"},
]
paid = [o for o in orders if o["status"] == "paid"]
by_customer = {}
for o in paid:
    by_customer[o["customer"]] = by_customer.get(o["customer"], 0) + o["total"]
for c, t in sorted(by_customer.items(), key=lambda kv: -kv[1]):
    print(f"{c:<8} {t:>8.2f}")
print(f"paid orders: {len(paid)}/{len(orders)}; revenue {sum(by_customer.values()):,.2f}")
status_counts = {}
for o in orders:
    status_counts[o["status"]] = status_counts.get(o["status"], 0) + 1
print(status_counts)
