d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, repr(e), e.args)
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[]: 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[(1, 2)]
except KeyError as e:
    print("KeyError", e)
