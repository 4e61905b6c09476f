for bad in [None, 1, "s", [ValueError]]:
    try:
        raise bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
