# `a, b = b, a` and three-way forms (the VM fuses BUILD_TUPLE + UNPACK_SEQUENCE).
a, b = 1, 2
a, b = b, a
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(a, b, x, y, z)


def rotate(p, q, r):
    p, q, r = q, r, p
    return p, q, r


print(rotate("s", [1], None))
acc = []
for i in range(4):
    u, v, w = i, i * 2, i * 3
    u, v = v, u
    acc.append((u, v, w))
print(acc)
t = 1, 2
m, n = t
print(m, n, t)
(c, d), e = (1, 2), 3
print(c, d, e)
