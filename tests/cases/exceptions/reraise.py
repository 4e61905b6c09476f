def f():
    try:
        {}["x"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    f()
except KeyError as e:
    print("outer got", repr(e))
