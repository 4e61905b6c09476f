import asyncio

user = await get_user(7)
orders = await get_orders(user["id"])
total = sum(o["amount"] for o in orders)
print(user["name"], total)
never = get_orders(999)
others = await asyncio.gather(*[get_user(i) for i in [8, 9]])
print([u["name"] for u in others])
sent = notify(user["name"], f"you spent {total}")
print("sent", sent)
summary = {"user": user["name"], "orders": len(orders), "total": total}
summary
