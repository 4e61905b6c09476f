a = 2 ** 100
b = 3 ** 50
print(a, b)
print(a + b, a - b, a * b)
print(a // b, a % b, divmod(a, b))
print(-a // b, -a % b)
print(a ** 2)
print(a == 2 ** 100, a > b, -a < b)
