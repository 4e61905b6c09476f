from math import *

print(sqrt(2.0), floor(2.5), pi)
