import json, math, re, itertools, functools
from collections import Counter, defaultdict, deque, OrderedDict
from datetime import datetime, timedelta, date

words = "the cat the dog a cat".split()
cnt = Counter(words)
print(cnt.most_common(2), cnt["the"] + 1)
groups: defaultdict[str, list[str]] = defaultdict(list)
for w in words:
    groups[w[0]].append(w)
print(dict(groups))
dd = defaultdict(int)
for w in words:
    dd[w] += 1
print(sorted(dd.items(), key=lambda kv: (-kv[1], kv[0])))
q = deque([1, 2], maxlen=5)
q.append(3)
q.appendleft(0)
print(q.popleft(), list(q))
od = OrderedDict()
od["a"] = 1
od.move_to_end("a")
print(list(od.keys()))
print(math.sqrt(16) + math.floor(2.5) + math.pi, math.isclose(1.0, 1.0))
m = re.search(r"(\d+)-(\d+)", "call 12-34")
if m:
    print(m.group(1), m.groups(), m.start(), m.span())
print(re.sub(r"\s+", " ", "a   b"), re.findall(r"\w+", "x y"), re.split(",", "a,b"))
pat = re.compile(r"^[a-z]+$", re.IGNORECASE)
print(bool(pat.match("Abc")), pat.pattern)
print(list(itertools.chain([1], [2])), list(itertools.islice(itertools.count(), 3)))
for a, b in itertools.product("ab", repeat=2):
    print(a + b)
for key, grp in itertools.groupby(sorted(words)):
    print(key, len(list(grp)))
print(functools.reduce(lambda a, b: a + b, [1, 2, 3], 0))
@functools.lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
now = datetime(2024, 1, 2, 3, 4, 5)
later = now + timedelta(days=1, hours=2)
print(later.isoformat(), (later - now).total_seconds(), later.strftime("%Y-%m-%d"))
print(date(2024, 1, 1).weekday(), now.date(), now.year)
parsed = datetime.strptime("2024-05-06", "%Y-%m-%d")
print(parsed.month)
print(json.dumps({"a": [1, 2]}, indent=2, sort_keys=True))
obj = json.loads('{"x": 1}')
print(obj["x"])
print(list(itertools.accumulate([1, 2, 3])), list(itertools.combinations([1, 2, 3], 2)))
print(list(itertools.zip_longest("ab", "c", fillvalue="-")))
print(max([3, 1], default=0), min((), default=None), max("a", "b", key=len))
