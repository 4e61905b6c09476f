def f(a, b, *, c):
    pass
for call in [lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(1, 2, c=3, d=4), lambda: f(1, 2, c=3, a=1)]:
    try:
        call()
        print("ok")
    except TypeError as e:
        print(e)
