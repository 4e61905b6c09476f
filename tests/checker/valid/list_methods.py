items = []
items.append(1)
items.extend([2, 3])
items.insert(0, 0)
items.sort(reverse=True)
last = items.pop()
items.remove(3)
print(items.index(2), items.count(1), last, items.copy(), list(reversed(items)))
