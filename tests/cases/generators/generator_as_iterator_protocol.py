def gen():
    yield "a"
    yield "b"
g = gen()
print(iter(g) is g, next(g))
for x in g:
    print("rest", x)
