try:
foo()
