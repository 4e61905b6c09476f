n = 100
res = [n for n in range(3)]
print(res, n)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
fs = [lambda: k for k in range(3)]
print([f() for f in fs])
nested = [[n * m for m in range(n)] for n in range(4)]
print(nested, n)
i = "outer"
gen = (i for i in "ab")
print(list(gen), i)
