try:
    total = sum(10 / x for x in [5, 2, 0, 1])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
g = (int(s) for s in ["1", "a"])
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
