d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d, list(d))
del d["a"]
d["a"] = 99
print(d)
d["z"] = -1
print(list(d.items()))
for k, v in d.items():
    print(k, v)
