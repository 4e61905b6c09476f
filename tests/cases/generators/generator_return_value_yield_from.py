def inner(n):
    for i in range(n):
        yield i
    return n * 100
def outer():
    results = []
    for n in (1, 2, 3):
        r = yield from inner(n)
        results.append(r)
    return results
g = outer()
vals = []
while True:
    try:
        vals.append(next(g))
    except StopIteration as e:
        print("outer returned", e.value)
        break
print(vals)
