s = set()
for i in range(60):
    s.add(i * 37 % 211)
print(s)
for i in range(0, 211, 4):
    s.discard(i)
print(s)
t = {x * 1000 for x in range(10)}
print(t, {-x for x in range(8)}, set(range(100, 90, -1)))
print({1, 2, 3} | {100, 200}, {2 ** 40, 1, 2 ** 20})
