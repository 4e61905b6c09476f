while max_items > 100:
    chosen = max_items
    break
print(chosen)  # expect: possibly-unresolved-reference
