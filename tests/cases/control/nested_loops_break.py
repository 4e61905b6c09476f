for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v * v > 10:
            found = v
            break
    if found:
        break
print(found)
