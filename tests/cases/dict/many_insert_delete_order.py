d = {}
for i in range(200):
    d[i * 7 % 101] = i
for k in list(d)[::3]:
    del d[k]
for i in range(20):
    d[1000 + i] = i
print(len(d), list(d)[:15], list(d)[-5:])
print(sum(d.values()), min(d), max(d))
s = {}
for w in "the quick brown fox jumps over the lazy dog again and again".split():
    s.pop(w, None)
    s[w] = len(s)
print(s)
