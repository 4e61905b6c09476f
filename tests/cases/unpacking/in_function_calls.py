def f(a, b, c, d):
    return [a, b, c, d]
args = (1, 2)
kwargs = {"d": 4}
print(f(*args, 3, **kwargs), f(*range(4)), f(*"ab", *"cd"))
print(f(**{"a": 1, "b": 2, "c": 3, "d": 4}), f(0, *[1], c=2, **{"d": 3}))
try:
    f(*[1, 2, 3, 4, 5])
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, 2, 3, **{"a": 1, "d": 4})
except TypeError as e:
    print(type(e).__name__, e)
