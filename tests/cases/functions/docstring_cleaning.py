def f():
    """Doc of f.

    More."""
    return 1
def g():
    x = 1
    "not a doc"
print(repr(f.__doc__), g.__doc__, (lambda: 0).__doc__)
def h():
    """only"""
print(h(), h.__doc__)
def gen():
    "gen doc"
    yield 1
print(gen.__doc__)
def a():
    """
    Summary line.

      indented more
    back
    """
def b():
    """	Tabbed
	line two
		deeper"""
def c():
    """   leading spaces first line"""
def d():
    """x

    
    y   """
for f in [a, b, c, d]:
    print(repr(f.__doc__))
