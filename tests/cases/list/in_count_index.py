l = ["a", "b", "a", "c", "a"]
print("a" in l, "z" in l, l.count("a"), l.index("a"), l.index("a", 1), l.index("a", 3))
print([i for i, x in enumerate(l) if x == "a"])
