def f():
    try:
        return 1
    finally:
        raise RuntimeError("finally raised")
try:
    f()
except RuntimeError as e:
    print(type(e).__name__, e)
