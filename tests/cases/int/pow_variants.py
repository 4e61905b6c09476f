print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3), pow(2, -2))
print(10 ** 20, 10 ** -2, (-3) ** 3, 0 ** 5)
print(pow(7, -1, 13))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
