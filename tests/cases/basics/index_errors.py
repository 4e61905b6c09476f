l = [1, 2, 3]
try:
    l[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    "abc"[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1,)[3]
except IndexError as e:
    print(type(e).__name__, e)
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print(type(e).__name__, e)
l[10]
