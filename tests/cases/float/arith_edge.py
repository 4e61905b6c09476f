# xfail: monty: NotImplementedError: monty does not support complex numbers (negative number raised to a fractional power)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(0.1 * 3, 0.3 / 0.1, 1.1 + 2.2, 3.3 - 1.1)
print(2.0 ** 1023, 10.0 ** 15, 9.99 % 1, -9.99 % 1)
try:
    2.0 ** 1024
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-8.0) ** (1/3)
except ValueError as e:
    print("ValueError", e)
else:
    print("complex result skipped")
