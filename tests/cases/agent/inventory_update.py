inventory = {"apple": 10, "pear": 4}
events = [("sell", "apple", 3), ("buy", "kiwi", 12), ("sell", "pear", 5), ("sell", "plum", 1), ("buy", "apple", 2)]
for action, item, n in events:
    try:
        if action == "sell":
            if inventory[item] < n:
                raise ValueError(f"not enough {item}: have {inventory[item]}, need {n}")
            inventory[item] -= n
        else:
            inventory[item] = inventory.get(item, 0) + n
    except KeyError as e:
        print("unknown item", e)
    except ValueError as e:
        print("error:", e)
print(inventory)
