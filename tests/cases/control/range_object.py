r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], r[1:3], list(r[::-1]), 5 in r, 6 in r)
print(range(5) == range(0, 5), range(0) == range(2, 1), r.index(11), r.count(8))
print(list(range(10, -10, -4)), range(3)[-1], len(range(0, 100, 7)))
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
