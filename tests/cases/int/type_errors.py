for a, b in [(1, "a"), ("a", 1), (1, None), ([1], 1)]:
    try:
        a + b
    except TypeError as e:
        print(type(e).__name__, e)
try:
    1 < "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    -"x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 2.5
except TypeError as e:
    print(type(e).__name__, e)
