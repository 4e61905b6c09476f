def f(a, b=2):
    return a + b
cases = [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=3), lambda: f(1, a=1), lambda: f(b=1)]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
def g():
    return 1
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
