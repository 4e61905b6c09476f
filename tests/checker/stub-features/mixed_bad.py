mixed(1, "b", 2.0)  # expect: too-many-positional-arguments
