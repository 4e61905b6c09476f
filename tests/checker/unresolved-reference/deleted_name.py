value = 3
del value
print(value)  # expect: unresolved-reference
