# Keyword-only parameters with defaults (bound without building key strings), required
# keyword-only ones, *args/**kwargs beside them.
def f(a, *, b=1, c=[2], d=None):
    return (a, b, c, d)
print(f(0), f(0, d=4), f(0, c=3, b=2))
def g(*, x, y=5):
    return x + y
print(g(x=1), g(y=1, x=2))
try:
    g()
except TypeError as e:
    print(e)
def h(a, *args, k=7, **kw):
    return a, args, k, sorted(kw)
print(h(1), h(1, 2, 3, k=0, z=1, y=2))
lam = lambda *, q="dflt": q
print(lam(), lam(q=1))
