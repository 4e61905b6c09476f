from typing import Any

orders = get_orders(7)
total = 0.0
for o in orders:
    if "total" in o:
        total += o["total"]
    items = o.get("items", [])
    print(len(items), o.get("id"))
    print(o.get("total", 0.0) * 2)
w = get_weather("Oslo")
h = w.get("humidity")
if h is not None:
    print(h + 1)
print(w.get("humidity", 0) + 5, w["temp"] * 1.8 + 32)
w["temp"] += 1.0
w["summary"] = w["summary"].upper()
u = get_user(3)
if u:
    u2 = dict(u)
    u2["extra"] = 1
    print(u2)
    copy = {**u, "name": "x"}
    print(copy["name"])
    for key, val in u.items():
        print(key, val)
    for key in u:
        print(key.upper())
    print(list(u.keys()), list(u.values()), len(u), "id" in u)
    d: dict[str, Any] = dict(u)
    print(d)
def show(rec: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in rec.items())
if u is not None:
    print(show(u))
    print(show(dict(u)))
new: Order = {"id": 1}
new["total"] = 3.5
print(new)
ws = get_forecast("Rome")
hottest = max(ws, key=lambda x: x["temp"])
print(hottest["city"], sorted(ws, key=lambda x: x["temp"])[0]["summary"])
print(sum(x["temp"] for x in ws) / len(ws))
temps = [x["temp"] for x in ws]
print(max(temps), min(temps, default=0.0))
by_city = {x["city"]: x for x in ws}
print(by_city.get("Rome", {}).get("temp"))
