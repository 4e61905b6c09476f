total = 0
total += "x"  # expect: unsupported-operator
