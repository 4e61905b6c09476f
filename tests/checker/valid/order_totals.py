grand = 0.0
by_user = {}
for user in list_users(50):
    orders = get_orders(user["id"], status="closed")
    spent = sum(o.get("total", 0.0) for o in orders)
    by_user[user["name"]] = spent
    grand += spent
top = sorted(by_user.items(), key=lambda kv: -kv[1])[:5]
print(grand, top)
