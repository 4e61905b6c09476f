vals = [1, 1.5, "s", True, None, [1], (1,), {1: 2}, {1}, range(2), b"x"]
for v in vals:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, object))
print(isinstance(True, int), type(True) is bool, type(1) is int, issubclass(bool, int))
print(isinstance(1, (str, (float, int))))
