def descend(n):
    if n == 0:
        return probe("bottom")
    return descend(n - 1) + 1
print(descend(50))
