x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
l = [1, 2, 3, 4, 5]
del l[0]
del l[1:3]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
