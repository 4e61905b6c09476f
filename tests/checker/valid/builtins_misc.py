print(isinstance(1, int), hasattr(max_items, "real"), getattr(max_items, "real", 0), callable(print))
print(sorted({"b": 1, "a": 2}), list(range(3)), tuple([1]), set("abc"), id(1) > 0, hash("x"))
print(any([]), all([]), pow(2, 3), pow(2, 3, 5), min(1, 2), max([1, 2]), sum([1.5, 2]), type(1).__name__)
