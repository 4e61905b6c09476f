words = ["apple", "Avocado", "banana", "blueberry", "cherry"]
print(sorted({w[0].lower() for w in words}))
print({w[0].lower(): [x for x in words if x[0].lower() == w[0].lower()] for w in words})
print(sum(len(w) for w in words), max((len(w), w) for w in words))
print(tuple(w.upper() for w in words if "e" in w))
