import math
for v in [2.5, -2.5, 3.0, -0.5, 1e10 + 0.5]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v))
