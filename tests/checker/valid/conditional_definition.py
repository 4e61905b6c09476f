if max_items > 10:
    limit = 10
else:
    limit = max_items
print(limit)
