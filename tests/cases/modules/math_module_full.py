import math
import math as m
from math import sqrt, pi as PI
from math import *
print(math.sqrt(9), m.sqrt(16), sqrt(25), PI == m.pi, floor(2.5), ceil(2.1))
print(math.fsum([0.1]*10), math.fsum(x/10 for x in range(10)), math.prod(range(1,6)), math.prod((x for x in [2,3]), start=2))
print(math.factorial(30), math.comb(50, 20), math.perm(10, 3), math.gcd(12, 18, 27), math.lcm(4, 6))
print(math.log(8, 2), math.log(10**400), math.log2(2**100), math.log10(1000), math.cbrt(27), math.hypot(3,4,12), math.dist((1,2,3),(4,6,15)))
print(math.pow(2, 0.5), math.isclose(1, 1.0000000001), math.ulp(1), math.nextafter(1, 2), math.fma(2,3,4))
print(type(math), math.__name__, math.inf, -math.inf, math.nan, math.tau, math.e)
def chk(name, f):
    try:
        print(f())
    except Exception as e:
        print(name, type(e).__name__, e)
chk('math.sqrt(-1)', lambda: math.sqrt(-1))
chk('math.exp(1000)', lambda: math.exp(1000))
chk("math.floor(float('nan'))", lambda: math.floor(float('nan')))
chk('math.comb(-1, 2)', lambda: math.comb(-1, 2))
chk('math.log(10, 1)', lambda: math.log(10, 1))
chk('math.atan2(1)', lambda: math.atan2(1))
chk('math.sqrt()', lambda: math.sqrt())
chk("math.trunc('x')", lambda: math.trunc('x'))
chk('math.nosuch', lambda: math.nosuch)
chk('math.gamma(0)', lambda: math.gamma(0))
chk('math.lgamma(0)', lambda: math.lgamma(0))
chk('math.gamma(200)', lambda: math.gamma(200))
