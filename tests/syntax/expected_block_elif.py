if a:
    pass
elif b:
foo()
