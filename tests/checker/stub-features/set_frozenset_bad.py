unique(["a"])  # expect: invalid-argument-type
