print("a,b".split(",", 1, 2))  # expect: too-many-positional-arguments
