print(isinstance(3, (int, float)), isinstance("3", (int, float)), isinstance([], (dict, (list,))))
print(isinstance(True, bool), isinstance(1, bool), isinstance(None, type(None)))
try:
    isinstance(1, "int")
except TypeError as e:
    print(type(e).__name__, e)
