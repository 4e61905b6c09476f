# xfail: stdout line 1: expected '8 documented Return x doubled.', got '8 documented None'
def documented(x):
    """Return x doubled."""
    return x * 2
print(documented(4), documented.__name__, documented.__doc__)
f = lambda: 0
print(f.__name__)
