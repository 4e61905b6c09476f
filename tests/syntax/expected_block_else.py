if a:
    pass
else:
foo()
