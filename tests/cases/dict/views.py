d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
i = d.items()
d["d"] = 4
print(k, v, i)
print(len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
print(sorted(k), list(reversed(d)), list(reversed(d.items())))
print(k & {"a", "z"}, k - {"a"} == {"b", "c", "d"})
