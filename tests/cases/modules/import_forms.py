import math
import math as m
from math import sqrt, pi as PI
from math import *
print(math.sqrt(9), m.sqrt(16), sqrt(25), PI == m.pi, floor(2.5), ceil(2.1))
