# Strings grown by += : slicing, indexing, hashing, equality, dict and set keys.
s = ""
for i in range(500):
    s += chr(97 + i % 26)
t = s
for i in range(10):
    s += "Z"
print(len(s), len(t), s[-11:], t[-5:])
print(s[:500] == t, hash(s[:500]) == hash(t), s[490:505], t[490:])
print(s[::50], t[-1], s[-1], s[499], s[500])
d = {t: "old"}
d[s] = "new"
print(len(d), d[t], d[s], d["".join(chr(97 + i % 26) for i in range(500))])
u = set()
u.add(t)
u.add(s[:500])
u.add(s)
print(len(u), t in u, (t + "Z") in u, s in u)
w = t + "Z" * 10
print(w == s, hash(w) == hash(s), w is s, s.count("Z"), t.count("Z"))
print(s.find("Z"), s.rfind("z"), s.replace("Z", "!")[-12:], s.upper()[-12:])
print(s.split("z")[-1], len(s.split("a")))
print(repr(s[-15:]), str(t[-3:]), f"{t[-4:]}|{s[-4:]:>6}|")

# non-ASCII pieces appended in place
n = "é" * 100
n = n + "ü"
m = n
for c in "αβγδ€😀":
    n += c
print(len(n), len(m), n[-7:], m[-2:], n[100:], n.encode("utf-8")[-8:])
print(n.isascii(), m.isascii(), ("a" * 200 + "b" + "c").isascii())
k = n[101:]
print(k, len(k), k[::-1], k.upper())
