# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
user = get_user(7)
orders = get_orders(user["id"])
print(user["name"], len(orders))
notify(user["email"], f"You have {len(orders)} orders")
print("notified")
