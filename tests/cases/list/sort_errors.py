try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [None, 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([{}, {}])
except TypeError as e:
    print(type(e).__name__, e)
