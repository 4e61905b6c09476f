vals = [0.1] * 10
print(sum(vals), sum(vals) == 1.0, round(sum(vals), 10))
import math
print(math.fsum(vals), 1e100 + 1 - 1e100, (1e100 + 1) - 1e100)
print(0.1 + 0.7, 0.7 + 0.1, 3 * 0.1, 0.1 * 3)
