def f():
    pass
def g():
    ...
print(f(), g())
print(...)
print(Ellipsis is ...)
if True:
    pass
print("ok")
