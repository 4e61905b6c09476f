ops = [("add", lambda a, b: a + b), ("max", max), ("pow", pow), ("join", lambda a, b: f"{a}{b}")]
for name, fn in ops:
    print(name, fn(3, 4))
table = {n: f for n, f in ops}
print(table["pow"](2, 8), sorted(table), callable(table["add"]))
