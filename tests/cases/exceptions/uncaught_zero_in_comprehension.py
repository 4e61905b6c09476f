vals = [4, 2, 0]
print([12 // v for v in vals])
