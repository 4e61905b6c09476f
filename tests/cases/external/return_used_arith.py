a = get_num("a")
b = get_num("b")
print(a + b, a * b, a / b, a // b, a % b)
print(f"{a / b:.3f}")
