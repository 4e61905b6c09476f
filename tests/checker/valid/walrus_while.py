it = iter([1, 2, 3])
while (v := next(it, None)) is not None:
    print(v + 1)
