d = {"b": 1, "a": 2}
print(list(d), list(d.keys()), list(d.values()), list(d.items()), list(iter(d)))
print([k for k in d if d[k] > 1], {v: k for k, v in d.items()})
