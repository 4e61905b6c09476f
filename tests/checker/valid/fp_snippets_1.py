# --- e01.py
d = {"a": [1], "b": "x"}
v = d["a"]
if isinstance(v, list):
    v.append(2)
# --- e05.py
nums = [3, 1, 2]
nums.sort(key=lambda n: -n)
s = sorted(nums, reverse=True)
print(s[0] + 1, nums.pop(), nums.pop(0))
e = enumerate(nums)
print(list(e))
# --- e09.py
result = {}
result["a"] = 1
result["b"] = "x"
result["c"] = [1]
print(result["c"])
# --- e13.py
def f(items=None):
    if items is None:
        items = []
    items.append(1)
    return items
print(f([2]))
# --- e17.py
x: list = []
x.append(1)
y: dict = {}
y["a"] = 2
z: tuple = (1, 2)
print(x, y, z[0])
# --- e21.py
x = lookup("config")
y = x.anything.goes[0]["x"]
print(y)
# --- e25.py
w = get_weather("x")
k = "city"
print(w[k].upper())
# --- e29.py
import re
m = re.match(r"(?P<a>\d+)", "12")
print(m.group("a") if m else None, m["a"] if m else None, m.groupdict() if m else {})
for mm in re.finditer(r"\d", "a1b2"):
    print(mm.group(0), mm.start())
# --- e33.py
xs = [1, 2, 3]
print(xs.__len__(), "abc".__contains__("a"), (3).__add__(1))
# --- e37.py
from collections import namedtuple
P = namedtuple("P", ["x", "y"])
p = P(1, 2)
print(p.x + p.y)
# --- e45.py
for i, w in enumerate(get_forecast("a"), 1):
    print(f"{i}. {w['city']}: {w['temp']:.1f}°")
# --- e49.py
t = (1, "a", 2.0)
a, b, c = t
print(a + 1, b.upper(), c / 2, t[1].lower(), t[-1] * 2)
# --- e53.py
def f(n: int) -> int:
    def g(m: int) -> int:
        return m + n + k
    k = 2
    return g(1)
print(f(1))
# --- e57.py
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner()
    return mid()
print(outer())
# --- e61.py
async def f():
    return 1
async def main():
    x = await f()
    print(x + 1)
import asyncio
asyncio.run(main())
