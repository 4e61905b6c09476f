from collections import Counter
d={"a":1}
for x in [[1], range(3), d, d.keys(), d.values(), d.items(), "ab", (1,), Counter("ab")]:
    r = reversed(x)
    print(type(r).__name__, list(r))
