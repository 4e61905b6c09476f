# xfail: monty: NotImplementedError: monty does not support calling the external function 'score' from code run by a builtin (sorted/map/filter key, or a generator consu
items = ["b", "a", "c"]
print(sorted(items, key=lambda s: score(s)))
