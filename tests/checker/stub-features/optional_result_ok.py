v = maybe(True)
if v is not None:
    print(v + 1)
print((maybe(False) or 0) + 1)
