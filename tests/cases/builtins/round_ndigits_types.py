print(round(5), round(5.0), round(5, 1), round(5.55, 1), round(5.45, 1), round(-5.5), round(5.5))
print(round(1e20, -19), round(123, -5), round(0.1 + 0.2, 15), round(2 ** 70, -20))
print(type(round(5, 1)).__name__, type(round(5.5, 1)).__name__, type(round(5.5, None)).__name__)
