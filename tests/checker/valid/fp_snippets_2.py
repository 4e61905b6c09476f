# --- e02.py
from typing import cast, Any
v = cast(dict[str, Any], read_table("t")[0])
print(v.get("a"))
w = cast("list[int]", lookup("y"))
print(w)
# --- e06.py
a = None
for i in range(3):
    if a is None:
        a = i
    else:
        a += i
print(a)
# --- e10.py
out = []
out.append({"name": "a", "n": 1})
out.append({"name": "b", "n": 2.5})
print(sorted(out, key=lambda r: r["n"])[0]["name"].upper())
# --- e14.py
class A:
    pass
a = A()
a.x = 1
print(a.x)
# --- e18.py
def f(*, a: int, b: str = "x") -> str:
    return b * a
print(f(a=2), f(b="y", a=1))
# --- e22.py
print("a" if lookup("x") else 1)
n = len(lookup("x") or [])
print(n)
# --- e26.py
def f(w: Weather) -> str:
    return w["city"]
print(f({"city": "a", "temp": 1.0, "summary": "s"}))
# --- e30.py
import json
s = json.dumps([1, 2], separators=(",", ":"), ensure_ascii=False, default=str)
print(json.loads(s)[0] + 1)
# --- e34.py
d = dict.fromkeys(["a", "b"], 0)
print(d, list.__name__ if False else "", str.join(",", ["a"]))
# --- e39.py
from collections import defaultdict
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"] = 1
g = defaultdict(lambda: {"n": 0})
g["x"]["n"] += 1
print(g["x"]["n"])
# --- e46.py
import string
print(string.ascii_lowercase[:3], string.digits, string.punctuation[0])
# --- e50.py
pairs = [("a", 1), ("b", 2)]
for name, n in pairs:
    print(name.upper(), n + 1)
d = dict(pairs)
print(d["a"] + 1)
# --- e54.py
lst = [lambda: i for i in range(2)]
print([f() for f in lst])
# --- e58.py
assert isinstance(user_query, str), "must be str"
print(user_query.split(","))
# --- e62.py
lines = [line.rstrip() for line in lookup("t").splitlines() if line.strip() and not line.startswith("#")]
print(lines)
