print(1 / 1, 10 / 4, -7 / 2, 2 ** 53 / 1, 10 ** 20 / 10 ** 10, 1 / 7)
print(int(1e15), 10 ** 16 / 3, 7 / 7 == 1)
try:
    (10 ** 400) / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((10 ** 400) // (10 ** 399))
