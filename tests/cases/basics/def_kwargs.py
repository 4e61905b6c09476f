def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, x=2))
def g(a, *rest, key=None, **extra):
    print(a, rest, key, extra)
g(1)
g(1, 2, 3, key="k", z=26)
