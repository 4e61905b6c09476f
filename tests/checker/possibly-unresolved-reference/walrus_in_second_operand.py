if max_items > 3 and (extra := lookup("x")):
    print(extra)
print(extra)  # expect: possibly-unresolved-reference
