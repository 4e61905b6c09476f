n = max_items + "1"  # expect: unsupported-operator
