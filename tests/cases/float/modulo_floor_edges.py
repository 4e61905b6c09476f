vals = [(-0.0, 1.0), (0.0, -1.0), (-1e-300, 1.0), (1e-300, -1.0), (5.0, float("inf")), (-5.0, float("inf")),
        (7.5, 2.5), (-7.5, 2.5), (1e16, 3.0), (0.1, 0.01)]
for a, b in vals:
    print(a, b, a % b, a // b, divmod(a, b))
print(round(0.5, 20), round(1.23456789, 10), round(1e-20, 25), round(123.456, 400), round(5e-324, 330))
