count: int = "zero"  # expect: invalid-assignment
