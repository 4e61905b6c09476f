print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0), hash((1, 2)) == hash((1, 2)))
print(hash(42), hash(-7), hash(2 ** 64), hash(0.5), hash(None) == hash(None))
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
