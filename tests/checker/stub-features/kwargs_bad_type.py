kwargs(a=1)  # expect: invalid-argument-type
