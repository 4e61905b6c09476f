result = lookup("shape")
match result:
    case {"kind": "circle", "r": r}:
        area = 3.14 * r * r
    case [x, y]:
        area = x * y
    case _:
        area = 0
print(area)
