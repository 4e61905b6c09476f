n = 10
print([i for i in range(n) if i % 3 == 0], list(range(n - 1, -1, -3)), sum(range(1, n + 1)))
print([(i, n - i) for i in range(0, n, 4)], list(range(5, 5)), list(range(-5, 0)))
r = range(0, 30, 5)
print(r[2], r[-2], r[1:4], len(r[::2]), list(r[::2]), 15 in r, 16 in r, r.index(25))
print(range(10)[3:7] == range(3, 7), list(range(10)[::-3]))
