d = {"a": 1, "b": 2}
try:
    for k in d:
        d["new" + k] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
