a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(4)
a[1].append(5)
print(a, b, c, d, e)
print(a is b, a is c, c == d, d is e)
