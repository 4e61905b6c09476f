print(1 in max_items)  # expect: unsupported-operator
