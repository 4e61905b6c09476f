sq = lambda x: x * x
add = lambda a, b=1: a + b
print(sq(5), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
fns = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fns])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
