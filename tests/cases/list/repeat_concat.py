print([1, 2] * 3, [0] * 0, [] * 5, 2 * ["x"])
l = [1]
l2 = l + [2]
print(l, l2)
l *= 3
print(l)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
