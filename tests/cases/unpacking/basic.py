a, b, c = [1, 2, 3]
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
a, *m, b = [1, 2]
print(a, m, b)
