it = iter([])
try:
    next(it)
except StopIteration:
    print("empty iterator")
def gen():
    yield 1
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
