from datetime import datetime, date, timedelta
import math, statistics, itertools, functools
from collections import defaultdict, Counter, OrderedDict, deque, namedtuple
d = datetime(2024, 1, 31, 13, 5, 9)
print(d, repr(d), d + timedelta(days=1), d - timedelta(hours=25, minutes=3))
print(d.strftime("%Y-%m-%d %H:%M:%S %A %a %B %b %j %p %I %y %%"), d.isoformat(), d.date())
print(date(2024, 3, 1) - date(2024, 2, 1), (date(2024, 3, 1) - date(2023, 3, 1)).days)
print(datetime.strptime("2024-02-29 08:30", "%Y-%m-%d %H:%M"), date.fromisoformat("2024-07-04"), datetime.fromisoformat("2024-07-04T10:11:12"))
td = timedelta(days=2, hours=3, minutes=4, seconds=5.5)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td * 2, td / 2, td // timedelta(hours=1))
print(timedelta(seconds=-1), timedelta(microseconds=1), timedelta(weeks=1))
print(d.weekday(), d.isoweekday(), d.replace(day=1), d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond)
print(date(2024, 1, 1) < date(2024, 1, 2), max(date(2020, 1, 1), date(2021, 1, 1)), sorted([date(2022, 5, 1), date(2021, 1, 1)]))
print(date(2024, 5, 17).strftime("%d/%m/%Y"), date(2024,1,1).toordinal(), date.fromordinal(738000))
print(datetime(2024, 1, 1) - datetime(2023, 12, 25, 12))
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.strptime("2024/01/01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
try:
    d - date(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.inf, math.isclose(0.1+0.2, 0.3), math.log(100, 10), math.log10(1000), math.log2(8), math.exp(1))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1]*10), math.hypot(3, 4), math.dist([0, 0], [3, 4]))
print(math.trunc(-3.7), math.copysign(1, -0.0), math.isnan(float("nan")), math.isinf(1e308*10), math.degrees(math.pi), math.radians(180), math.atan2(1, 1), math.sin(0), math.cos(0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
xs = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(xs), statistics.median(xs), statistics.mode(xs), statistics.stdev(xs), statistics.pstdev(xs), statistics.variance(xs), statistics.pvariance(xs))
print(statistics.median([1, 3, 2, 4]), statistics.mean([1.5, 2.5]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]), statistics.multimode([1, 1, 2, 2, 3]))
print(statistics.fmean([1, 2, 3]), statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
print(list(itertools.chain([1, 2], [3])), list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.islice(itertools.count(5, 2), 4)))
print(list(itertools.combinations("abc", 2)), list(itertools.permutations([1, 2, 3], 2)), list(itertools.product("ab", repeat=2)))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.repeat("x", 3)), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.filterfalse(None, [0, 1, 2])), list(itertools.pairwise([1, 2, 3])), list(itertools.batched(range(7), 3)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.islice("abcdef", 1, None, 2)), [list(x) for x in itertools.tee([1, 2], 2)], list(itertools.cycle("ab"))[:0] if False else list(itertools.islice(itertools.cycle("ab"), 5)))
print(functools.reduce(lambda a, b: a + b, [1, 2, 3]), functools.reduce(lambda a, b: a * b, [], 1))
p = functools.partial(int, base=2)
print(p("101"))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50))
@functools.cache
def sq(x):
    return x * x
print(sq(4), sq(4))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["zz"], len(dd))
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["zz"], sorted(c.elements())[:5], list(c.keys()))
c.update(["m", "m"]); c.subtract({"i": 1})
print(c, c.total())
od = OrderedDict(); od["x"] = 1; od["y"] = 2; od.move_to_end("x")
print(od, list(od))
q = deque([1, 2, 3], maxlen=4); q.appendleft(0); q.append(4); q.rotate(1)
print(q, q.popleft(), q.pop(), list(q), len(q), q[0])
Point = namedtuple("Point", ["x", "y"])
pt = Point(1, y=2)
print(pt, pt.x, pt[1], pt._asdict(), pt._replace(x=5), Point._fields, tuple(pt), pt == (1, 2))
P2 = namedtuple("P2", "a b c", defaults=[0])
print(P2(1, 2), P2._make([4, 5, 6]))
x, y = pt
print(x + y)
