with a:
foo()
