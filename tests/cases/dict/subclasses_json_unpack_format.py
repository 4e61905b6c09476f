import json
from collections import defaultdict, Counter, OrderedDict, namedtuple, deque
dd = defaultdict(int); dd["x"] += 2
c = Counter("aab"); od = OrderedDict(b=1, a=2)
P = namedtuple("P", "x y")
print(json.dumps({"dd": dd, "c": c, "od": od, "p": P(1, [2])}))
print(json.dumps([P(1, 2)], indent=1))
print("%(x)s" % dd, dict(dd), {**c}, dict(c, z=1), c == {"a": 2, "b": 1}, {"a": 2, "b": 1} == c)
d = {}; d.update(c); d.update(od); print(d)
print(list(c.items()), sorted(c), len(od), "a" in od, list(dd.keys()), list(od.values()))
for bad in [deque([1]), {1, 2}, frozenset(), b"x", range(2)]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print(e)
print(json.dumps(c.most_common(1)), json.dumps(dict(sorted(c.items()))))
x = defaultdict(list); x["k"].append(1); print(json.loads(json.dumps(x)))
print(max(c, key=c.get), sorted(c, key=c.get, reverse=True), sum(c.values()))
print(isinstance(dd, dict), isinstance(c, dict), type(dd) is dict)
