def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
    yield from [4, 5]
    yield from "ab"
print(list(outer()))
