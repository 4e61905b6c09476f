# NotRequired / total=False keys read after a guard: `in` (also in comprehension
# filters and early exits), a truthy or not-None .get(), setdefault(), or inside a
# try whose handler catches KeyError. No possibly-missing-key warning.
w = get_weather("x")
if w.get("humidity"):
    print(w["humidity"])
if w.get("humidity") is not None:
    print(w["humidity"])
try:
    print(w["humidity"])
except KeyError:
    pass
def f():
    if "humidity" not in w:
        return 0
    return w["humidity"]
for d in get_forecast("x"):
    if "humidity" not in d:
        continue
    print(d["humidity"])
assert "humidity" in w
print(w["humidity"])
orders = get_orders(1)
print([o["total"] for o in orders if "total" in o])
print(sum(o["total"] for o in orders if "total" in o))
for o in orders:
    if o.get("total") and o["total"] > 5:
        print(o["id"] if "id" in o else None)
o2 = orders[0]
o2.setdefault("total", 0.0)
print(o2["total"])
if "items" in o2 and o2["items"]:
    print(o2["items"][0])
x = o2["id"] if "id" in o2 else -1
print("total" in o2 and o2["total"] > 1)
print(f())
