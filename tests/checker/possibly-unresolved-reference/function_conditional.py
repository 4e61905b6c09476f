def f(flag):
    if flag:
        result = 1
    return result  # expect: possibly-unresolved-reference

f(True)
