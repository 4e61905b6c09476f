import math
print(math.sqrt(4, 2))  # expect: too-many-positional-arguments
