def f():
    h = []
    return h.pop()
f()
