# xfail: monty: ModuleNotFoundError: No module named 'collections'
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
words = "a b a c b a d".split()
c = Counter(words)
print(c.most_common(2), c["a"], c["zz"], sorted(c.items()))
dd = defaultdict(list)
for i, w in enumerate(words):
    dd[w].append(i)
print(dict(dd))
q = deque([1, 2, 3], maxlen=4)
q.append(4)
q.append(5)
q.appendleft(0)
print(list(q), q.popleft(), q.pop())
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x + p.y, p._asdict())
