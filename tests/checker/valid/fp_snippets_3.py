# --- e03.py
import typing as t
def f(x: t.Optional[int]) -> t.List[int]:
    return [x or 0]
print(f(None))
# --- e07.py
total = None
for w in get_forecast("x"):
    total = (total or 0) + w["temp"]
print(total)
# --- e11.py
x = 1
x = "s"
print(x.upper())
# --- e15.py
import math
vals = [1.5, 2.5]
print(math.fsum(vals), math.prod([1, 2]), math.gcd(4, 6), math.comb(5, 2), math.dist([0, 0], [3, 4]))
# --- e19.py
def g(a, /, b, *, c):
    return a + b + c
print(g(1, 2, c=3), g(1, b=2, c=3))
# --- e23.py
val: int | str = 3
if isinstance(val, str):
    print(val.upper())
else:
    print(val + 1)
# --- e27.py
ws: list[Weather] = []
ws.append(get_weather("a"))
ws.append({"city": "b", "temp": 2, "summary": "x", "humidity": 3})
print(len(ws))
# --- e31.py
print(sum([[1], [2]], []), sum([1.0, 2], 0.0), sum(range(3), start=10))
# --- e35.py
import itertools
for a, b in itertools.pairwise([1, 2, 3]):
    print(a + b)
for chunk in itertools.batched(range(5), 2):
    print(chunk)
print(list(itertools.permutations("ab")), list(itertools.repeat(1, 2)), list(itertools.starmap(pow, [(2, 3)])))
# --- e42.py
e = None
try:
    1 / 0
except ZeroDivisionError as exc:
    e = exc
print(e)
# --- e47.py
x = [1, 2, 3]
x[1:2] = [7, 8]
x[::2] = [0, 0]
del x[0:1]
print(x)
# --- e51.py
print(type(1).__name__, type("x") == str, isinstance(1, bool | int))
# --- e55.py
x = 5
del x
x = 6
print(x)
# --- e59.py
w = get_weather("a")
print(w.get("nonexistent"))
# --- e63.py
print(*[1, 2], sep=", ", end="\n")
print()
