import re
import functools
import itertools
import math
names = re.sub(r"\$(\w+)", lambda m: lookup(m.group(1)), "hi $ann and $bob")
print(names)
total = functools.reduce(lambda a, b: a + score(b), ["x", "y"], 0)
print(total)
print([(k, list(g)) for k, g in itertools.groupby(["a1", "a2", "b1"], key=lambda s: kind(s))])
print(math.fsum(weight(i) for i in range(2)))
