# xfail: monty: NotImplementedError: monty does not support calling the external function 'check' from code run by a builtin (sorted/map/filter key, or a generator consu
ids = [5, 6, 7, 8]
valid = list(filter(lambda i: check(i), ids))
names = list(map(lambda i: name_of(i).title(), valid))
print(valid, names)
