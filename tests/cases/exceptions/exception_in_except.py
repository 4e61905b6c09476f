try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
