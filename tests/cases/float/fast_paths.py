# The interpreter's float fast paths (mixed int/float operands, true division,
# comparisons) give CPython's results, including the edges they hand to the slow path.
nan = float("nan")
inf = float("inf")
print(1 / 3, 7 / 2, -7 / 2, 10 / 4.0, 2 ** 53 / 3, -(2 ** 53) / 7)
print(2.0 * 3, 3 * 2.5, 5 - 0.5, 0.5 - 5, 1e300 * 1e10, -1e300 * 1e10)
print(0 * -1.0, -0.0 + 0, 0.0 - 0, 1 * nan, nan + 1)
print(1.5 < 2, 2 < 1.5, 2 <= 2.0, 2.0 >= 2, 3 > 2.5, 1 == 1.0, 1 != 1.0)
print(nan < 1, nan > 1, nan == nan, nan != nan, 1 <= nan, nan >= nan)
print(inf > 10 ** 18, -inf < -(10 ** 18), 2 ** 60 < 1.5, 1.5 < 2 ** 60)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(True / 2, True + 1.5, 1.5 < True, False == 0.0)
x = 3
x /= 2
y = 1.0
y += 2
y *= 3
y -= 0.5
print(x, y, type(x).__name__)
for num, den in ((1, 0), (1.0, 0), (1, 0.0), (0.0, 0.0)):
    try:
        print(num / den)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
