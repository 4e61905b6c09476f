matrix = [[lookup(r, c) for c in range(2)] for r in range(2)]
print(matrix)
