d = dict.fromkeys(["a", "b"], 0)
print(d, d.get("a", 5), d.get("zz", 5), d.pop("a", None), d.pop("zz", "default"), d)
d.update(x=1, y=2)
d.update([("z", 3)], w=4)
d.update({"v": 5})
print(d, d.setdefault("q"), d)
print(list(d.items())[:2], sorted(d.keys()), d.copy() == d, d.copy() is d)
it = iter(d.items())
print(next(it), dict(sorted(d.items(), key=lambda kv: str(kv[1]))))
try:
    d.update(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.pop()
except TypeError as e:
    print(type(e).__name__, e)
