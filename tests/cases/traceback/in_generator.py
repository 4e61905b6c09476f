def gen(items):
    for i in items:
        yield 10 // i


for v in gen([5, 2, 0]):
    print(v)
