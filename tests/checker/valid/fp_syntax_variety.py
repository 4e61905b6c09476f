global counter
counter = 0
a = [0, 0]
a[0] = b = 1
total: int
if a:
    total = 1
else:
    total = 2
print(total + b)
xs = [1, 2, 3]
for i in range(len(xs)):
    xs[i] = xs[i] * 2
_private = 1
naïve = "ok"
print(*map(str, xs), _private, naïve)
v = 5
label = "big" if v > 3 else "mid" if v > 1 else "small"
print(not v in xs, label)
assert v, f"v was {v!r}"
x = 1; y = 2
z = x + \
    y
print(z)
lines = ["a", "b"]
print(f"{'\n'.join(lines)}")
print(f"{'-'.join(f'{n:02d}' for n in range(3))}")
if any((hit := h).rank == 1 for h in search("q")):
    print(hit.url)
found = [y2 for w in ["a", "bb"] if (y2 := len(w)) > 1]
print(found)
def gen_numbers():
    n = 0
    while n < 3:
        received = yield n
        n += 1
print(list(gen_numbers()))
match (1, 2):
    case (p, q) if p < q:
        print(p + q)
    case _:
        pass
data = {"k": [1, 2]}
match data:
    case {"k": [first, *_]}:
        print(first)
try:
    pass
except Exception:
    pass
