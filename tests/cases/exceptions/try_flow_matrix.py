def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            raise ValueError("one")
        if n == 2:
            raise KeyError("two")
        return "many"
    except ValueError as e:
        return f"value:{e}"
    finally:
        print("finally", n)
for n in range(4):
    try:
        print(f(n))
    except KeyError as e:
        print("outer", repr(e))
def g():
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
                print("body", i)
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return "end"
print(g())
def h():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as e:
            print("inner ctx", repr(e.__context__))
        print("after inner")
        raise
try:
    h()
except ValueError as e:
    print("reraised", repr(e), repr(e.__context__))
def k():
    try:
        return "try"
    finally:
        try:
            raise KeyError("x")
        except KeyError:
            print("handled in finally")
print(k())
def m():
    x = 0
    while True:
        try:
            x += 1
            if x < 3:
                continue
            return x
        finally:
            print("m finally", x)
print(m())
