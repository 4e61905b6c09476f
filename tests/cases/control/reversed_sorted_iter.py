d = {"b": 2, "a": 1, "c": 3}
for k in sorted(d):
    print(k, d[k])
for k in reversed(list(d)):
    print(k)
for i in reversed(range(3)):
    print(i)
print(list(reversed("abc")), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
