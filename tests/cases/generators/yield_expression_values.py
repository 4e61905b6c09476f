def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
g = acc()
next(g)
for v in [5, 10, 20]:
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
