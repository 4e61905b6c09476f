print(", ".join(5))  # expect: invalid-argument-type
