d = {1: "int", 2.0: "float"}
d[1.0] = "float one"
d[True] = "bool"
print(d)
print({0.5: 1}[0.5], {2: "x"}[2.0])
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False), hash(-1), hash(2 ** 61 - 1), hash(1.5))
