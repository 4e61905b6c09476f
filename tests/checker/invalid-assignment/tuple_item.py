t = (1, 2)
t[0] = 3  # expect: invalid-assignment
