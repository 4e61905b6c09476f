from collections import Counter
from datetime import timedelta
a = Counter(a=3, b=1, c=-2); b = Counter(a=1, b=2, d=4, e=-1)
print(a + b, a - b, a | b, a & b, +a, -a, -b)
c = Counter("hello world"); c2 = Counter("lowly")
print(c + c2, c - c2, c & c2, c | c2)
x = Counter(a=1); x += Counter(a=2, z=1); print(x)
x -= Counter(a=5); print(x)
words = "the cat the dog the end".split()
total = Counter()
for w in words:
    total += Counter([w])
print(total.most_common(2))
print(Counter({"x": 1.5}) + Counter({"x": 2}))
try:
    Counter() + {}
except TypeError as e:
    print("TypeError")
td = timedelta(hours=-5, minutes=30)
print(-td, +td, abs(td), abs(-td), -timedelta(0), abs(timedelta(days=-1, seconds=5)))
from collections import defaultdict, OrderedDict, namedtuple
dd = defaultdict(int, a=1); d2 = dd.copy(); d2["b"] += 1
print(dd, d2, type(d2).__name__, d2.default_factory)
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
print(od.popitem(), od.popitem(last=False), od, od.copy(), type(od.copy()).__name__)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
cc = Counter("aab").copy(); print(cc, type(cc).__name__)
P = namedtuple("P", "x y")
p = P(1, 2)
print(type(p)(*p), type(p)(x=3, y=4), type(p).__name__)
