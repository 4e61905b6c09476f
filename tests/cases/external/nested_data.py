resp = list_orders(customer="c1")
total = 0
for o in resp["orders"]:
    line = sum(i["qty"] * i["price"] for i in o["items"])
    print(f'{o["id"]}: {line:.2f}')
    total += line
print(f"total={total:.2f} count={resp['count']}")
