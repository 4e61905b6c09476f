import math
vals = [1.1, 2.2, 3.3, 1e-7, 1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993.0, 0.30000000000000004, 123e-20]
for v in vals:
    print(repr(v), float(repr(v)) == v)
print(math.pi * 1e10, math.e / 1e10, 1 / 3 * 3)
