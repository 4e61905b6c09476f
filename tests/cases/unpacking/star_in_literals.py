a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 5), {*a, *b}, [*"hi", *range(2)])
d1 = {"x": 1}
d2 = {"y": 2, "x": 0}
print({**d1, **d2}, {**d2, **d1, "z": 3})
print(*a, *b, sep=",")
