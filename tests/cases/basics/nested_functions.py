def outer(x):
    def inner(y):
        return x + y
    return inner(10)
print(outer(5))
def apply(fn, v):
    return fn(v)
def double(v):
    return v * 2
print(apply(double, 21))
print(apply(len, "four"))
