big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, big - 1 == float(big - 1))
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 == float("inf"), 10 ** 400 < float("inf"))
print(2 ** 1024 > 1.7976931348623157e308, 1 < 1.0000000000000002, 9007199254740993 < 9007199254740994.0)
print(sorted([2 ** 53 + 1, float(2 ** 53), 2 ** 53]), max(2 ** 60, 2.0 ** 60), min(-(2 ** 70), -1e21))
print(int(1e300) % 1000, int(-1.5e16), int(2.0 ** 100) == 2 ** 100, float(2 ** 100) == 2.0 ** 100)
print(hash(2 ** 53 + 1) == hash(float(2 ** 53 + 1)), 0.1 == 1 / 10, 3 * 0.1 == 0.3)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 1024 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((2 ** 1024) // 2 ** 1000, (2 ** 1024) / 2 ** 1000)
