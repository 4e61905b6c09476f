d = {"a": 1, "b": 2}
print(d, len(d), d["a"])
d["c"] = 3
d["a"] = 10
print(d)
print({}, {1: "x", 2.5: "y", None: "z", (1, 2): "t"})
print("a" in d, "z" in d, list(d), list(d.values()))
