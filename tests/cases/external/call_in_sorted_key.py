items = ["b", "a", "c"]
print(sorted(items, key=lambda s: score(s)))
