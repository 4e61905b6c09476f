vals = [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 123.456, -123.456, 1e15 + 0.5, 5e-324, 1e300]
for v in vals:
    row = []
    for nd in [None, 0, 1, 2, 3, -1, -2]:
        try:
            row.append(repr(round(v, nd)) if nd is not None else repr(round(v)))
        except OverflowError as e:
            row.append("OverflowError")
    print(repr(v), row)
