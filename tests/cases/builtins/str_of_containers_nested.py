x = [1, (2, [3, {"a": {4}}]), "s", None]
print(x)
print(str(x) == repr(x), len(str(x)))
print({"k": [1.5, -0.0, 1e20]})
