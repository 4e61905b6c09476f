print(mixed(1, "b", c=2.0).upper(), mixed(1, b="x"))
