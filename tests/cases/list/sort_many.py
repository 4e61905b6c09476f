seed = 1
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
xs = [rnd() % 1000 for _ in range(500)]
s = sorted(xs)
print(s[:10], s[-10:], s == sorted(s), len(s))
pairs = [(x % 10, i) for i, x in enumerate(xs)]
ps = sorted(pairs, key=lambda p: p[0])
print(ps[:8])
print(all(ps[i][1] < ps[i + 1][1] for i in range(len(ps) - 1) if ps[i][0] == ps[i + 1][0]))
strs = sorted(str(x) for x in xs[:50])
print(strs[:10])
