import math
print(math.sqrt("4"))  # expect: invalid-argument-type
