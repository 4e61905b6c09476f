for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.25, 0.35]:
    print(v, round(v), round(v, 1))
print(round(5, 2), round(-7), round(123.456, -1), round(123.456, -3))
