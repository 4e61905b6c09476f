print(bool(), bool(0.0), bool("0"), bool([[]]), bool(range(0)))
print(callable(len), callable(print), callable(lambda: 0), callable(5), callable("s"), callable(int))
