f = lambda x: x + offset  # expect: unresolved-reference
print(f(1))
