for o in get_orders(1):
    items = o.get("items", [])
    print(len(items), o.get("id"), o["total"] if "total" in o else 0)
