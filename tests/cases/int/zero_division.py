for op in ["//", "%", "/"]:
    try:
        if op == "//":
            1 // 0
        elif op == "%":
            1 % 0
        else:
            1 / 0
    except ZeroDivisionError as e:
        print(op, type(e).__name__, e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("divmod", e)
try:
    5.0 / 0
except ZeroDivisionError as e:
    print("float", e)
try:
    5.0 // 0.0
except ZeroDivisionError as e:
    print("float floordiv", e)
try:
    5 % 0.0
except ZeroDivisionError as e:
    print("float mod", e)
