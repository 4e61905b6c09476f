def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except KeyError as e:
        print("caught", repr(e))
        y = yield 3
    print("y", y)
    return "done"
g = gen()
print(next(g))
print(g.send("a"))
print(g.throw(KeyError("k")))
try:
    g.send("b")
except StopIteration as e:
    print("stop", e.value)
print(list(g))
def squares():
    yield from (i * i for i in range(4))
print(list(squares()), sum(squares()))
def counter(n):
    while n:
        n -= 1
        yield n
c = counter(3)
print([v for v in c], next(c, "empty"))
import itertools
print(list(itertools.islice(counter(10), 2, 5)))
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
cl = closer()
next(cl)
cl.close()
print("closed ok")
def bad_closer():
    try:
        yield 1
    except GeneratorExit:
        yield 2
bc = bad_closer()
next(bc)
try:
    bc.close()
except RuntimeError as e:
    print(type(e).__name__, e)
