print(issubclass(int, object), issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, (TypeError, LookupError)))
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
