n = 10
def f(x=n):
    return x
n = 20
print(f(), f(5))
