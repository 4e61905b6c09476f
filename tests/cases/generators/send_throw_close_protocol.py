def worker():
    total = 0
    try:
        while True:
            try:
                x = yield total
            except ValueError as e:
                total = -1
                continue
            total += x
    finally:
        print("worker closing with", total)
w = worker()
print(next(w), w.send(5), w.send(10), w.throw(ValueError("reset")), w.send(3))
w.close()
print(w.close())
def gen2():
    yield 1
g = gen2()
try:
    g.throw(KeyError("early"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("finished after throw")
