x = 3
y = 4
print(((x + y) * (x - y)) ** 2 // 7 % 5, x * y + x // y - x % y, -x ** 2, (-x) ** 2)
print(2 + 3 * 4 ** 2 / 8 - 1, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 if x > y else 2 if x == y else 3, x < y == True, not x == y)
