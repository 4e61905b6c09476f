s = summarize("x")
s[0] = "X"  # expect: invalid-assignment
