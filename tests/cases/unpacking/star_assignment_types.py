a, *b = (1, 2, 3)
print(type(b).__name__, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
[x, y] = [1, 2]
(p, q), [r, s] = (1, 2), [3, 4]
print(x, y, p, q, r, s)
