import math
print(math.squareroot(2))  # expect: unresolved-attribute "`sqrt`"
