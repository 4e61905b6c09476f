l = list(range(10))
print(l[2:5], l[::-1], l[1::3], l[-3:], l[:-7], l[7:2:-2])
l[2:5] = ["a", "b"]
print(l)
l[:0] = [-1]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
del l[::3]
print(l)
l[1:] = []
print(l)
try:
    l2 = [1, 2, 3, 4]
    l2[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
