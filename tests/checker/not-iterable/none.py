items = None
for x in items:  # expect: not-iterable
    print(x)
