# Closures: counters with nonlocal, function factories, lambdas and decorators.
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


def make_adder(k):
    return lambda x: x + k


calls = [0]


def logged(fn):
    def wrapper(*args):
        calls[0] += 1
        return fn(*args)
    return wrapper


@logged
def mul(a, b):
    return a * b


c = make_counter()
adders = [make_adder(k) for k in range(10)]
total = 0
for i in range(400000):
    c()
    total += adders[i % 10](i)
    total += mul(i, 2) % 7
print(c(0), total, calls[0])
