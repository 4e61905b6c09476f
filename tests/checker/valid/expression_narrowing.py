for o in get_orders(1):
    total = o["total"] if "total" in o else 0.0
    n = "items" in o and len(o["items"])
    ok = "id" not in o or o["id"] > 0
    print(total, n, ok)
u = find_user("a")
label = u["name"] if u is not None else "-"
if (first := lookup("a")) and first.strip():
    print(first)
print(first, label)
w = get_weather("x")
w["humidity"] = 3
print(w["humidity"] + 1)
