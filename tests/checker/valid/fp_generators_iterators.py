from typing import Iterator, Generator

def chunks(xs: list[int], n: int) -> Iterator[list[int]]:
    for i in range(0, len(xs), n):
        yield xs[i:i + n]

def walk() -> Generator[int, None, str]:
    yield 1
    yield from [2, 3]
    return "end"

for c in chunks(list(range(7)), 3):
    print(sum(c))
g = walk()
print(next(g), list(g))
it = iter([1, 2])
print(next(it), next(it, None))
squares = (x * x for x in range(5))
print(sum(squares), list(zip(range(3), "abc", strict=True)))
pairs = dict(zip(["a", "b"], [1, 2]))
print(pairs, list(enumerate("ab", start=1)), list(range(10, 0, -3)))
inv = {v: k for k, v in pairs.items()}
print(inv[1], {**pairs, "c": 3}, [*pairs, *"xy"], pairs | {"d": 4})
nested = [[1, 2], [3]]
flat = [x for row in nested for x in row if x % 2]
print(flat, [[y * 2 for y in row] for row in nested], {x % 2 for x in flat})
gen = (w["temp"] for w in get_forecast("a"))
print(max(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.takewhile(lambda v: v < 20, fib())))
