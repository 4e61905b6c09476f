d = {}
d["a"] = d["b"] = 0
print(d)
l = [0, 0, 0]
l[0] = l[2] = 5
print(l)
m = [[0] * 3 for _ in range(3)]
m[1][2] = 7
print(m)
