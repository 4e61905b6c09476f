print(timeout.upper())  # expect: unresolved-attribute
print(names + 1)  # expect: unsupported-operator
