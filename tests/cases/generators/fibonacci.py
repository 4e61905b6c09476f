def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for i, f in enumerate(fib()):
    if i >= 15:
        break
    out.append(f)
print(out)
g = fib()
for _ in range(100):
    v = next(g)
print(v)
