grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid)
print(grid[2, 1], (1, 1) in grid, (5, 5) in grid)
pts = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(len(pts), sorted(pts))
