print({"a": 1} + {"b": 2})  # expect: unsupported-operator
