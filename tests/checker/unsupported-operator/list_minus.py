print([1, 2] - [1])  # expect: unsupported-operator
