pick([1, 2])  # expect: invalid-argument-type; invalid-argument-type
