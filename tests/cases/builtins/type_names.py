print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(()).__name__)
print(type(set()).__name__, type(None).__name__, type(len).__name__, type(lambda: 0).__name__)
print(type(range(1)).__name__, type(iter([])).__name__, type(x for x in []).__name__)
print(type(1) == int, type(True) == int, type(1.0) is float)
