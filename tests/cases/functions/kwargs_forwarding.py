def inner(a, b=0, **rest):
    return f"a={a} b={b} rest={rest}"
def outer(*args, **kwargs):
    kwargs.setdefault("b", 99)
    return inner(*args, **kwargs)
print(outer(1), outer(1, b=2), outer(a=5, z=1), outer(1, 2, q=3) if False else outer(1, q=3))
