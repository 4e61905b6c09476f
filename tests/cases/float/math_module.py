import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e)
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(1e400))
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(20))
print(math.log(math.e), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.exp(0), math.fabs(-3), math.pow(2, 10), math.hypot(3, 4))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1))
print(math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.comb(10, 3), math.perm(5, 2))
print(math.inf, -math.inf, math.nan, math.copysign(3, -0.0), math.degrees(math.pi))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.log(0)
except ValueError as e:
    print(type(e).__name__, e)
