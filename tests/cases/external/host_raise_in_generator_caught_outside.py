def gen():
    yield fetch(1)
    yield fetch(2)
    yield fetch(3)
got = []
try:
    for v in gen():
        got.append(v)
except LookupError as e:
    print("stopped:", type(e).__name__, e)
print(got)
