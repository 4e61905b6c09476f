def g():
    yield 1
    return 42
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
print(list(g()))
