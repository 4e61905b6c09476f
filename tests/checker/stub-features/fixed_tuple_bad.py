print(pair()[1] + 1)  # expect: unsupported-operator
print(pair()[2])  # expect: index-out-of-bounds
