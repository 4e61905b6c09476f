from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
import collections
c = Counter("abracadabra")
print(c, c.most_common(), c.most_common(1), c["z"], len(c), "a" in c, c.total())
c.update("aaz")
c.update({"b": 5})
c.subtract(["a"])
print(c, sorted(c.elements())[:5], list(c.keys()), c.get("q"), Counter(), Counter(x for x in "aab"))
print(Counter(a=2, b=1) == Counter({"a": 2, "b": 1}), Counter(a=1) == {"a": 1}, dict(Counter("xy")))
wc = Counter()
for w in "the cat the dog the end".split():
    wc[w] += 1
print(wc.most_common(2), isinstance(wc, dict), list(wc.items()))
dd = defaultdict(int)
for ch in "hello":
    dd[ch] += 1
print(dd, dd["zz"], dict(dd), len(dd), dd.default_factory)
dl = defaultdict(list, {"x": [1]})
dl["y"].append(2)
print(dl, sorted(dl.items()), dl.get("nope"), "nope" in dl)
dz = defaultdict(lambda: "N/A")
print(dz["k"], dict(dz))
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError", e)
od = OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
od.move_to_end("b")
print(od, list(od), OrderedDict(), od == {"a": 2, "c": 3, "b": 1})
od.move_to_end("b", last=False)
print(list(od.items()))
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
q.extend([5, 6])
q.extendleft([-1, -2])
print(q, len(q), q[0], q[-1], q.pop(), q.popleft(), 3 in q)
q.rotate(2)
print(q)
q.rotate(-3)
print(q, q.count(3), q.index(3))
q.remove(3)
q.reverse()
print(q, list(q), bool(deque()), deque(maxlen=2), deque(range(5), maxlen=3), q.maxlen)
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
w = deque(maxlen=3)
for i in range(6):
    w.append(i)
print(w, sum(w) / len(w), deque(x * x for x in range(3)))
P = namedtuple("P", "x y")
Q = namedtuple("Q", ["a", "b", "c"], defaults=[0])
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, tuple(p), p == (1, 2), Q(1, 2))
x, y = p
print(x + y, P._make([3, 4]), len(p), list(p), P)
try:
    P(1)
except TypeError as e:
    print(e)
print(sorted([P(2, 1), P(1, 2)]), {P(1, 2): "v"}[P(1, 2)], collections.Counter)
try:
    Q()
except TypeError as e:
    print(e)
R = namedtuple("R", "a b c d")
try:
    R(1)
except TypeError as e:
    print(e)
