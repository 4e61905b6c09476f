d = {"a": 1, "b": 2}
print(d["a"], d["b"])
d["c"] = 3
print(d)
