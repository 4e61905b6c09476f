# Exceptions: raising and catching in loops, try/finally, KeyError fallbacks.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


caught = 0
for i in range(400000):
    try:
        if i % 2:
            raise ValueError(i)
        x = i // (i % 3)
    except ValueError:
        caught += 1
    except ZeroDivisionError:
        caught += 2
    finally:
        caught += 0
d = {}
miss = 0
for i in range(50000):
    try:
        d[i % 100] += 1
    except KeyError:
        d[i % 100] = 1
        miss += 1
vals = [parse(s) for s in ["12", "x", "7", "", "-3"] * 40000]
print(caught, miss, sum(vals))
