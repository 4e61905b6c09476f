print(len([1], [2]))  # expect: too-many-positional-arguments
