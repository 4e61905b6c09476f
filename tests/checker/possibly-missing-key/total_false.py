for o in get_orders(1):
    print(o["total"])  # expect: possibly-missing-key "total"
    if "items" not in o:
        continue
    print(len(o["items"]))
