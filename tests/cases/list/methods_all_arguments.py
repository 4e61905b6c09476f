l = [5, 3, 5, 1, 5]
print(l.index(5), l.index(5, 1), l.index(5, 3, 5), l.count(5), l.count(9))
l2 = l.copy()
l2.sort(key=lambda x: -x)
print(l2, l)
l.insert(-100, "first")
l.insert(100, "last")
print(l, l.pop(-2), l.pop(0), l)
try:
    l.index(5, 0, 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    l.sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    l.insert(1)
except TypeError as e:
    print(type(e).__name__, e)
