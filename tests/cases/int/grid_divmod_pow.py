for a in [0, 1, 5, -5, 17, -17, 2 ** 65 + 3, -(2 ** 65) - 3]:
    row = []
    for b in [1, -1, 2, -2, 7, -7, 2 ** 33, -(2 ** 33)]:
        row.append(f"{divmod(a, b)}")
    print(a, " ".join(row))
for base in [2, -3, 10, 7]:
    print(base, [pow(base, e) for e in range(0, 12, 3)], [pow(base, e, m) for e, m in [(5, 3), (100, 97), (10 ** 6, 12345)]])
