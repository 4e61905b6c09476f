print(total)  # expect: unresolved-reference
total = 3
