apply("str", 3)  # expect: invalid-argument-type
