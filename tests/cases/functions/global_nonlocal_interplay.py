g = 0
def outer():
    g = 10
    def inner():
        global g
        g += 1
        return g
    def inner2():
        nonlocal g
        g += 100
        return g
    return inner(), inner2(), g
print(outer(), g)
def counter():
    def inc():
        nonlocal total
        total += 1
    total = 0
    inc()
    inc()
    return total
print(counter())
