def gen():
    yield 1
    yield {}["nope"]
for v in gen():
    print(v)
