# The guards narrow only where they hold.
w = get_weather("x")
if w.get("humidity") is None:
    print(w["humidity"])  # expect: possibly-missing-key
orders = get_orders(1)
print([o["total"] for o in orders if "id" in o])  # expect: possibly-missing-key
try:
    print(orders[0]["total"])  # expect: possibly-missing-key
except ValueError:
    pass
