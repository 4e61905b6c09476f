x = None
print(x)
print(x is None, x == None, repr(x), str(x))
def f():
    pass
print(f())
print(type(None).__name__)
