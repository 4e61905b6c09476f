if max_items > 3:
    limit = 3
print(limit)  # expect: possibly-unresolved-reference "limit"
