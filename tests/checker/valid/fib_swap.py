a, b = 0, 1
for _ in range(10):
    a, b = b, a + b
x = y = 0
print(a, b, x + y, "-" * 20, [0] * 3)
