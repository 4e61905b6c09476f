adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print({k: f(100) for k, f in adders.items()})
muls = [lambda x: x * m for m in range(3)]
print([f(2) for f in muls])
