# xfail: monty: NotImplementedError: monty does not support calling the external function 'cost' from code run by a builtin (sorted/map/filter key, or a generator consum
words = ["alpha", "be", "gamma"]
print(min(words, key=lambda w: cost(w)))
print(max(words, key=lambda w: cost(w)))
