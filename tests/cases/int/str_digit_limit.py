try:
    s = str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(10 ** 4000)), len(hex(10 ** 5000)))
