import math
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-2.7), math.isqrt(99), math.isqrt(10 ** 20))
print(math.dist([0, 0], [3, 4]), math.radians(180), round(math.tan(math.pi / 4), 12))
print(math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, -3), math.remainder(7, 3))
print(math.isfinite(1e308), math.isfinite(float("inf")), math.exp(1) == math.e, math.expm1(0), math.log1p(0))
print(math.ceil(2 ** 60 + 0.5) if False else math.ceil(1e15 + 0.5), math.floor(1e300) == 10 ** 300 or True)
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.isqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
