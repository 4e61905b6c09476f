for h in search("q"):
    found = h
print(found)  # expect: possibly-unresolved-reference
