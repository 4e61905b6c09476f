def scale(v):
    return 10 / v


print(list(map(scale, [1, 2, 0])))
