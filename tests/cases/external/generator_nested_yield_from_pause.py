def leaf(prefix):
    for i in range(2):
        yield prefix + str(fetch(prefix, i))
def middle():
    yield from leaf("a")
    yield "mid"
    yield from leaf("b")
g = middle()
print(next(g))
rest = list(g)
print(rest)
