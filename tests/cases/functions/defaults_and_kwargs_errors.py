def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(a=1, c=2, b=3, z=0))
for bad in [lambda: f(c=1), lambda: f(1, 2), lambda: f(1, c=1, a=2), lambda: f(1, 2, 3, b=4, c=5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
