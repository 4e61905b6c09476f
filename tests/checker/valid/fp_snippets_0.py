# --- e00.py
x = [1, "a", None]
for v in x:
    if v is not None and not isinstance(v, str):
        print(v + 1)
# --- e04.py
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any
def g(x: "Any") -> None:
    print(x)
g(1)
# --- e08.py
best = None
best_score = float("-inf")
for d in [fetch_document("a")]:
    if d.score > best_score:
        best, best_score = d, d.score
if best:
    print(best.title)
# --- e12.py
def f(items=None):
    items = items or []
    items.append(1)
    return items
print(f())
# --- e16.py
s = "abc"
for i, ch in enumerate(s):
    print(i, ch.upper())
print(s[0].isupper(), s.upper()[0].lower())
# --- e20.py
data = lookup("k")
if isinstance(data, str):
    data = data.split(",")
print(len(data))
# --- e24.py
w = get_weather("x")
keys = ["city", "summary"]
for k in keys:
    print(w[k])
# --- e28.py
u = get_user(1)
name = u.get("name") if u else None
print(name)
# --- e32.py
print(min(1, 2, key=lambda v: -v), max([1, 2], key=abs), max("ab"), min(["b", "a"]).upper())
# --- e36.py
from functools import partial, reduce, wraps
send = partial(send_email, "a@b")
print(send("s", "b"))
print(reduce(max, [1, 5, 2]))
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
# --- e44.py
def f() -> None:
    try:
        x = 1
    except:
        raise
    print(x)
f()
# --- e48.py
s = set()
s.update([1, 2], [3])
fs = frozenset(s)
print(fs | {4}, s.intersection([1]), s.symmetric_difference({1}), s.pop(), len(s - fs))
# --- e52.py
x = 0
def f():
    print(x)
f()
# --- e56.py
if max_items > 3:
    import json
    print(json.dumps(1))
# --- e60.py
print(f"{'a' + 'b'}", f"{max_items:>{5}}", f"{user_query=}", f"""{"x"}""")
