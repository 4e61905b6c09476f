a = 10
b = a * 2
a = a + b
print(a, b)
