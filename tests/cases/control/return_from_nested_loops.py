def find(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
g = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(find(g, 6), find(g, 1), find(g, 10))
