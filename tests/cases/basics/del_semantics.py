x = 1
y = [1, 2, 3]
del x, y[0]
print(y)
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
def f():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(f())
d = {"a": 1, "b": 2}
del d["a"], d["b"]
print(d)
