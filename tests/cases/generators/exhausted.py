g = (x for x in [1, 2])
print(list(g), list(g), next(g, None))
def h():
    yield 1
gen = h()
for v in gen:
    print("v", v)
for v in gen:
    print("never")
print("done")
