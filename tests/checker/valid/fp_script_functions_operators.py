from typing import Any
import functools
from datetime import date, datetime, timedelta

def helper(a, b=2, *rest, key=None, **opts):
    return [a, b, rest, key, opts]

def typed(a: int, b: str = "x", *nums: int, flag: bool = False, **extra: str) -> str:
    return b * a + str(sum(nums)) + str(flag) + ",".join(extra.values())

print(helper(1), helper(1, 2, 3, 4, key="k", z=1), typed(2), typed(1, "y", 1, 2, flag=True, q="s"))
args = (1, "b")
print(typed(*args), typed(*[3]), helper(*args, **{"key": 1}))
def pick(x):
    if x:
        return 1
    return "a"
print(pick(1) + 1 if isinstance(pick(1), int) else 0)
def nothing():
    return None
print(nothing() or "x")
def empty():
    return []
print(empty()[0].upper() if empty() else "")
def build():
    d = {"a": 1}
    d["b"] = "x"
    return d
print(build()["b"].upper())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(5) + 1)
def early(n: int):
    if n < 0:
        return None
    return {"n": n}
r = early(3)
if r:
    print(r["n"] + 1)
f = lambda x, y=1, *, z=2: x + y + z
print(f(1), f(1, 2, z=3))
g = typed
print(g(1, b="q"))
p = functools.partial(typed, 2)
print(p("z"), p(b="w"))
print("ab" * 3, [1] + [2], (1,) + (2, 3), {"a": 1} | {"b": 2}, {1, 2} - {1}, 7 / 2.0, b"a" + b"b")
d0 = date(2024, 1, 1)
print(d0 + timedelta(days=3), d0 < date(2024, 2, 1), datetime(2024, 1, 1) - timedelta(hours=1), (date(2024, 3, 1) - d0).days)
print("k" in {"k": 1}.keys(), 3 not in {1, 2}, -2.5, not [], sum([[1], [2]], []), max(1, 2.5), abs(-2.5), round(3, 2))
q, rem = divmod(17, 5)
print(q + rem, "abc" < "abd", "%s-%s" % ("a", "b"), "%d%%" % 5)
x: Any = None
x = x or {}
print(x.get("a"))
def outer_fn():
    return inner_fn() + 1
def inner_fn():
    return 1
print(outer_fn())
class Acc:
    def __init__(self):
        self.total = 0
        self.items: list[str] = []
    def add(self, s: str) -> "Acc":
        self.items.append(s)
        self.total += len(s)
        return self
print(Acc().add("a").add("bc").total)
vals = [3, 1, 2]
vals.sort()
print(vals[0], vals[-1], sorted(vals, reverse=True)[0] * 2)
nums = list(range(10))
evens = nums[::2]
print(evens, nums[-3:], nums[1:-1:3])
matrix = [[1, 2], [3, 4]]
print([row[i] for row in matrix for i in range(len(row))], list(map(list, zip(*matrix))))
words = ["b", "a"]
words.sort(key=str.lower)
print(words, sorted(words, key=len), max(words, key=len), min(len(w) for w in words))
