items = [3, 1]
items.append(1, 2)  # expect: too-many-positional-arguments
