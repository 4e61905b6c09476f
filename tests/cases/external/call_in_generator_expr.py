total = sum(size(f) for f in ["a.txt", "b.txt", "c.txt"])
print(total)
print(any(exists(f) for f in ["x", "y", "z"]))
