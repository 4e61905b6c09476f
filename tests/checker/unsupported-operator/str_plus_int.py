print("total: " + len([1]))  # expect: unsupported-operator "f-string"
