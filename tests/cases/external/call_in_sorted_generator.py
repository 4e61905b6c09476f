# xfail: monty: NotImplementedError: monty does not support calling the external function 'priority' from code run by a builtin (sorted/map/filter key, or a generator co
names = ["b", "c", "a"]
ranked = sorted((priority(n), n) for n in names)
print(ranked)
print([n for _, n in ranked])
