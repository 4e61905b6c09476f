inventory = {}
for item in "apple pear apple fig pear apple".split():
    inventory[item] = inventory.setdefault(item, 0) + 1
print(inventory)
print(sorted(inventory.items(), key=lambda kv: kv[1], reverse=True)[0][0])
print(inventory.pop("fig"), inventory.get("fig", "gone"), len(inventory))
print(list(inventory.keys())[::-1], max(inventory.values()), sum(inventory.values()))
