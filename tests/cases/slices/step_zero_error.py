try:
    [1, 2, 3][::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc"[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2]["a":]
except TypeError as e:
    print(type(e).__name__, e)
