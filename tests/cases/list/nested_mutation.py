grid = [[0] * 4 for _ in range(3)]
for r in range(3):
    for c in range(4):
        grid[r][c] = r * 4 + c
print(grid)
transposed = [list(row) for row in zip(*grid)]
print(transposed)
flat = [x for row in grid for x in row]
print(flat, sum(flat))
shared = [[0] * 2] * 2
shared[0][0] = 1
print(shared)
