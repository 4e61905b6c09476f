def f(a, b, c):
    return f"{a}-{b}-{c}"
args = [1, 2, 3]
print(f(*args), f(*"xyz"), f(1, *[2, 3]), f(*[1], *[2], 3))
kw = {"b": 20, "c": 30}
print(f(10, **kw), f(**{"a": 0, "b": 0, "c": 0}), f(1, *[2], **{"c": 3}))
try:
    f(1, **{"b": 2, "d": 4})
except TypeError as e:
    print(type(e).__name__, e)
