# xfail: monty: NotImplementedError: monty does not support calling an external function from a builtin yet
nums = [1, 2, 3, 4]
print(list(map(square, nums)))
print(list(filter(lambda n: is_ok(n), nums)))
