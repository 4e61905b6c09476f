print(chr("a"))  # expect: invalid-argument-type
