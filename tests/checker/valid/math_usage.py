import math
from math import sqrt, pi

print(math.floor(2.5) + 1, sqrt(16.0), pi * 2, math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18))
print(math.log(100, 10), math.inf > 1, math.prod([1, 2, 3]))
