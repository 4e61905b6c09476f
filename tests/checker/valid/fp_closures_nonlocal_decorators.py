from typing import Callable

def make_counter() -> Callable[[], int]:
    n = 0
    def inc() -> int:
        nonlocal n
        n += 1
        return n
    return inc

c = make_counter()
print(c(), c())

def outer():
    cache: dict[str, str] = {}
    def get(k: str) -> str:
        if k not in cache:
            cache[k] = summarize(k)
        return cache[k]
    return get

g = outer()
print(g("x"))
adders = [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in adders])
compose = lambda f, g: lambda x: f(g(x))
inc2 = compose(lambda x: x + 1, lambda x: x * 2)
print(inc2(3))
total = 0
def add(v: int) -> None:
    global total
    total += v
add(3)
print(total)
def deco(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper
@deco
def hello(name: str) -> str:
    return "hi " + name
print(hello("bob"))
