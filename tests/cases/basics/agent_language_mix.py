records = [{"name": "a", "dept": "x", "sal": 10}, {"name": "b", "dept": "y", "sal": 30}, {"name": "c", "dept": "x", "sal": 20}, {"name": "d", "dept": "y", "sal": 30}]
print(sorted(records, key=lambda r: (-r["sal"], r["name"])))
print(sorted(records, key=lambda r: r["sal"], reverse=True))
print([r["name"] for r in sorted(records, key=lambda r: r["dept"])])
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
a, (b, c), *d = 1, (2, 3), 4, 5
print(first, rest, init, last, a, b, c, d)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2, **{"a": 3}}, (*[1], 2))
if (n := len(records)) > 3:
    print("n", n)
print([y for x in range(5) if (y := x * x) > 4])
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 == True, "a" < "b" <= "b", 3 > 2 > 1 > 0)
print(not [], not [0], bool(""), bool(" "), bool(0.0), bool(None), bool({}), bool(range(0)), [] or "default", 0 and 1, None or 0 or "", 1 and 2 and 3)
s = "Hello, World"
print(s[::-1], s[-3:], s[:-3], s[::2], s[5:1:-1], s[-1:-6:-2], s[100:], s[-100:2])
L = list(range(10))
print(L[::-3], L[8:2:-2], L[-2::-1][:3], L[::-1][::-1] == L)
L[2:5] = ["x"]; print(L)
L[::2] = [0] * len(L[::2]); print(L)
del L[1::3]; print(L)
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); print(counter)
def make():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
adder = make(); adder(5); print(adder(10))
def bad_default(x, acc=[]):
    acc.append(x)
    return acc
bad_default(1); print(bad_default(2))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs], [(lambda i=i: i)() for i in range(3)])
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
g = gen(3)
print(next(g), list(g), sum(gen(4)), list(x for x in gen(5) if x % 2))
def delegate():
    r = yield from gen(2)
    yield r
print(list(delegate()))
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
a = acc(); next(a); a.send(5); print(a.send(10))
print({k: v for k, v in zip("abc", range(3)) if v}, {x % 3 for x in range(10)}, [[i * j for j in range(3)] for i in range(2)])
print(dict.fromkeys("ab", 0), list(enumerate("xy", start=1)), list(zip(*[(1, 2), (3, 4)])))
x = 5
print("big" if x > 3 else "small", [i for i in range(20) if i % 3 == 0 if i % 2 == 0])
for i in range(3):
    if i == 5:
        break
else:
    print("no break")
while x > 0:
    x -= 2
    if x == 1:
        continue
else:
    print("while else", x)
try:
    pass
except Exception:
    pass
else:
    print("else ran")
finally:
    print("finally ran")
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{"c": 3}))
def g2(a, /, b, *, c):
    return a + b + c
print(g2(1, 2, c=3), g2(1, b=2, c=3))
print(type(1).__name__, type("").__name__, type([]).__name__, type(None).__name__, type(len).__name__, type(f).__name__, type(gen(1)).__name__, type(x for x in []).__name__, type(range(1)).__name__, type({}.keys()).__name__, type(iter([])).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(enumerate([])).__name__)
print(isinstance(True, int), isinstance(1, (str, float)), issubclass(bool, int), type(True) is bool, callable(len), callable(1))
print(f.__name__, gen.__name__, (lambda: 0).__name__, len.__name__)
print(repr(f)[:12], repr(len), repr(print), str(int), repr(type(1)), repr(None), str(Ellipsis), repr(...))
print(sorted("bca"), sorted({3: 1, 1: 2}), sorted([(1, "b"), (1, "a"), (0, "z")]), sorted(["B", "a", "C"], key=str.lower), sorted([3, 1, 2], reverse=True))
data = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(data, key=lambda t: t[1]), min(data, key=lambda t: t[1]), max(data, key=lambda t: t[1]))
nested = {"a": [1, 2, {"b": (3, 4)}], "c": {"d": None}}
print(nested, str(nested), repr([nested]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed({"a": 1, "b": 2})))
print(any(x > 2 for x in [1, 3]), all([]), any([]), all(x for x in [1, 0]))
print(divmod(17, 5), 17 // 5, 17 % 5, -17 // 5, 2 ** 100, 2 ** -2, 10 / 4, 9 / 3, (-8) ** (1/3) if False else 8 ** (1/3))
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, 1_000_000, 0b1010, 0o17, 0xff, 1e3, 1j if False else 0)
