from typing import Callable, Optional

def apply(values: list[int], fn: Optional[Callable[[int], int]] = None) -> list[int]:
    if fn is None:
        return values
    return [fn(v) for v in values]

def each(values, cb=None):
    for v in values:
        if cb:
            cb(v)

print(apply([1, 2], lambda v: v * 2), apply([3]))
each([1], print)
