def f(a, /, b):
    return a
print(f(a=1, b=2))  # expect: positional-only-parameter-as-kwarg
