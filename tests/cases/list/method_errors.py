l = [1, 2, 3]
try:
    l.remove(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    l.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    l.pop(10)
except IndexError as e:
    print(type(e).__name__, e)
try:
    l[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    l[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
