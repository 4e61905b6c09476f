a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1:])
b = []
print(b, len(b))
c = [1, "two", 3.0, None, [4, 5]]
print(c)
print(c[4][1])
print([1, 2] + [3], [0] * 3, [[]] * 2)
