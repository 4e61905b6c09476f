print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(3.14159, 2), round(2.675, 2), round(1.005, 2), round(-1.25, 1))
print(round(1234.5678, -2), round(0.0001234, 5), round(5.5, 0))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
