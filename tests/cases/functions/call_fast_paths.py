# Calls through the interpreter's fast path: positional arguments, defaults, closures,
# methods, recursion depth and the errors of a wrong call.
def add(a, b=10, c=100):
    return a + b + c


print(add(1), add(1, 2), add(1, 2, 3), add(1, c=5))


def outer(k):
    def inner(x, y=2):
        return x * y + k
    return inner


f = outer(7)
print(f(3), f(3, 4), [outer(i)(i) for i in range(4)])


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact(25))

try:
    add()
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


def uses_unbound(flag):
    if flag:
        v = 1
    return v


print(uses_unbound(True))
try:
    uses_unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(900))
try:
    deep(5000)
except RecursionError as e:
    print("RecursionError:", e)

items = [3, 1, 2]
items.sort()
print(items, "x".join(["a", "b"]), (lambda *a: a)(1, 2), (lambda **k: sorted(k))(z=1, a=2))


def gen_default(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


print(list(gen_default(5)), list(gen_default(9, 3)))
