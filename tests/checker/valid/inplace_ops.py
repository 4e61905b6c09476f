items = []
items += "cd"
items += range(2)
opts = {"a": 1}
opts |= [("b", 2)]
total = 0
total += len(items)
print(items, opts, total)
