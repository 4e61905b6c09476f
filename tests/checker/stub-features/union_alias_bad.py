add("1", 2)  # expect: invalid-argument-type
