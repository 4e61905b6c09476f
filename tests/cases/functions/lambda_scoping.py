x = 10
f = lambda: x
x = 20
print(f())
fs = [lambda: i for i in range(3)]
print([g() for g in fs])
gs = [(lambda j: lambda: j)(i) for i in range(3)]
print([g() for g in gs])
h = lambda n: 1 if n <= 1 else n * h(n - 1)
print(h(10))
