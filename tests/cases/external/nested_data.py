# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
resp = list_orders(customer="c1")
total = 0
for o in resp["orders"]:
    line = sum(i["qty"] * i["price"] for i in o["items"])
    print(f'{o["id"]}: {line:.2f}')
    total += line
print(f"total={total:.2f} count={resp['count']}")
