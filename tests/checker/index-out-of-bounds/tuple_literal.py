pair = (1, 2)
print(pair[2])  # expect: index-out-of-bounds
