for src in [[1, 2, 3], [1], "ab"]:
    try:
        a, b = src
        print("ok", a, b)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
