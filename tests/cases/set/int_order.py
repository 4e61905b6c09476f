print({10, 5, 100, 1, 33, 64, 7})
print(set(range(20, 0, -3)))
print({-1, -5, 2})
s = set()
for i in [40, 8, 16, 2, 50, 0]:
    s.add(i)
print(s, list(s))
