def f(*args):
    return len(args), args
def g(**kw):
    return sorted(kw.items())
print(f(), f(1), f(*range(4)), g(), g(b=1, a=2))
