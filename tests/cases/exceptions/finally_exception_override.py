def f():
    try:
        raise ValueError("from try")
    finally:
        return "finally wins"
print(f())
def g():
    try:
        return 1
    finally:
        print("g finally")
print(g())
