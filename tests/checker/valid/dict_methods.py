inventory = {"apple": 3, "pear": 5}
inventory.update({"plum": 1}, kiwi=2)
inventory.setdefault("fig", 0)
for name, qty in inventory.items():
    print(name.upper(), qty + 1)
for k in inventory.keys():
    print(k)
print(sum(inventory.values()), inventory.pop("plum", None), dict.fromkeys(["a"], 0))
merged = inventory | {"x": 9}
print(merged, len(inventory), "apple" in inventory)
