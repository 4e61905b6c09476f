matrix = [[1, 2], [3, 4]]
flat = [v for row in matrix for v in row]
grid = {(i, j): matrix[i][j] for i in range(2) for j in range(2)}
print(flat, grid[(0, 1)] + 1, matrix[0][1] * 2)
