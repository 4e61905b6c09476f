# Pins what the dict subclasses of `collections` infer: they inherit dict's methods
# (builtins.pyi) with their key/value types, and declare only what differs.
# Each `.nope` is reported with the type of the value it is read from.
from collections import Counter, OrderedDict, defaultdict

c = Counter(["a", "b", "a"])
c.nope  # expect: unresolved-attribute "`Counter`"
c["a"].nope  # expect: unresolved-attribute "`int`"
c.most_common(1).nope  # expect: unresolved-attribute "`list[tuple[Any, int]]`"
c.total().nope  # expect: unresolved-attribute "`int`"
c.copy().nope  # expect: unresolved-attribute "`Counter`"
c.popitem().nope  # expect: unresolved-attribute "`tuple[Any, int]`"
len(c).nope  # expect: unresolved-attribute "`int`"
("a" in c).nope  # expect: unresolved-attribute "`bool`"
c.get("a", 0).nope  # expect: unresolved-attribute "`int`"
c.pop("a").nope  # expect: unresolved-attribute "`int`"
c.setdefault("z", 0).nope  # expect: unresolved-attribute "`int`"
c.keys().nope  # expect: unresolved-attribute "`KeysView[Any]`"
c.values().nope  # expect: unresolved-attribute "`ValuesView[int]`"
c.items().nope  # expect: unresolved-attribute "`ItemsView[Any, int]`"
for k, n in c.items():
    print(k.anything, n.nope)  # expect: unresolved-attribute "`int`"
print(sum(c.values()) + 1, sorted(c, key=c.get), max(c, key=lambda k: c[k]))
c.update("abc")
c.update(a=2)
c.subtract(["a"])
print(c.get("a") or 0, list(c.elements()), c.clear())

d = defaultdict(list)
d.nope  # expect: unresolved-attribute "`defaultdict`"
d["k"].append(1)
d.get("k").anything
d.setdefault("k", []).append(2)
d.copy().nope  # expect: unresolved-attribute "`defaultdict`"
for k, v in d.items():
    print(k.anything, v.anything)
print(d.pop("k", None), d.popitem() if d else None, d.default_factory)
d.update({"x": [1]}, y=[2])

o = OrderedDict()
o.nope  # expect: unresolved-attribute "`OrderedDict`"
o["a"] = 1
o.move_to_end("a").nope  # expect: unresolved-attribute "`None`"
o.popitem(last=False).nope  # expect: unresolved-attribute "`tuple[Any, Any]`"
print(list(o.keys()), o.get("a", 0), o.pop("a", None), o.copy())
