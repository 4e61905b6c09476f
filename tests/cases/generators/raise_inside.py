def bad():
    yield 1
    raise ValueError("generator failed")
try:
    for v in bad():
        print("got", v)
except ValueError as e:
    print(type(e).__name__, e)
def uncaught():
    yield "a"
    1 / 0
print(list(uncaught()))
