# `s += x` appends in place into a shared buffer when it can: every other name that
# holds an earlier value must keep seeing exactly its own characters.
acc = ""
history = []
for i in range(300):
    acc += "abcdefghij"[i % 10]
    if i % 37 == 0:
        history.append(acc)
print(len(acc), acc[:12], acc[-12:])
print([len(h) for h in history])
print([h[-3:] for h in history])
print(all(acc.startswith(h) for h in history))

# two strings extended from the same prefix must not see each other's tail
base = "p" * 200
a = base + "A"
a2 = a + "x"
b2 = a + "y"
c2 = a2 + "z"
d2 = a2 + "w"
print(a2[-3:], b2[-3:], c2[-3:], d2[-3:], len(a), len(a2), len(b2), len(c2), len(d2))
print(a2 == b2, c2 == d2, a2 < b2, c2 > d2, a[-1], a2[-2:], b2[-2:])

# the old value stays unchanged when its holder is also appended to
x = "q" * 150
x = x + "1"
y = x
x += "2"
x += "3"
y += "9"
print(x[-4:], y[-4:], len(x), len(y))

# aliases through containers and function arguments
def grow(s, n):
    for k in range(n):
        s += str(k % 10)
    return s

start = "r" * 130 + "-"
start = start + "+"
g1 = grow(start, 20)
g2 = grow(start, 25)
g3 = grow(g1, 5)
g4 = grow(g1, 6)
print(start[-3:], g1[-5:], g2[-5:], g3[-5:], g4[-5:])
print(len(start), len(g1), len(g2), len(g3), len(g4))
d = {"k": g1}
g1 += "!"
print(d["k"][-3:], g1[-3:])
