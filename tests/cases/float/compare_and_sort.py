vals = [3.5, -1.0, 2, 0.0, -0.0, 1e-9, 10]
print(sorted(vals), max(vals), min(vals))
print(0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-9)
print(1.0 == 1, 1.5 > 1, -0.0 == 0.0)
