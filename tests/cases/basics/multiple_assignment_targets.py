a = b = []
a.append(1)
print(a, b, a is b)
x, y = y, x = 1, 2
print(x, y)
l = [0, 0]
i = 0
l[i], i = 5, 1
print(l, i)
