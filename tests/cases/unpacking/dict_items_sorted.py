inventory = {"apples": 5, "pears": 0, "kiwis": 12}
for name, count in sorted(inventory.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{name}: {count}")
(k1, v1), *others = inventory.items()
print(k1, v1, others)
