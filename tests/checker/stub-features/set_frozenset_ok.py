u = unique({"a", "b"})
print(sorted(u), "a" in u, len(u | frozenset(["c"])))
unique(set(names))
