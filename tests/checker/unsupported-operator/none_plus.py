x = None
print(x + 1)  # expect: unsupported-operator
