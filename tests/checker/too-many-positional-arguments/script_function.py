def add(a, b):
    return a + b
print(add(1, 2, 3))  # expect: too-many-positional-arguments "expected 2, got 3"
