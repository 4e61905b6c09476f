x = 1
y = x + 2
x = y * 3
print(x, y)
a = b = c = 7
print(a, b, c)
a, b = 1, 2
a, b = b, a
print(a, b)
