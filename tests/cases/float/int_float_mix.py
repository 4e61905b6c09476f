# xfail: stdout line 3: expected '2.5 1.0 6.5', got '2.5 0.9999999999999999 6.5'
print(3 / 2, 3 // 2.0, 3 % 2.5, 2 ** 0.5, 4 ** 0.5, 10 * 0.1)
print(int(7 / 2), 7 // 2, float(7 // 2))
print(1 + True + 0.5, sum([0.1] * 10), sum([1, 2, 3.5]))
