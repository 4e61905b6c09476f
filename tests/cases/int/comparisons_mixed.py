print(1 == 1.0, 1 < 1.5, 2 > 1.999, 10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20)
print(True == 1, False == 0, True > 0, 3 == "3")
print(max(1, 2.5, 2), min(-1, -1.5), sorted([3, 1.5, 2, True, 0]))
