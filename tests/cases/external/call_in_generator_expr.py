# xfail: monty: NotImplementedError: monty does not support calling the external function 'size' from code run by a builtin (sorted/map/filter key, or a generator consum
total = sum(size(f) for f in ["a.txt", "b.txt", "c.txt"])
print(total)
print(any(exists(f) for f in ["x", "y", "z"]))
