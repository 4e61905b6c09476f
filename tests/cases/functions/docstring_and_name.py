def documented(x):
    """Return x doubled."""
    return x * 2
print(documented(4), documented.__name__, documented.__doc__)
f = lambda: 0
print(f.__name__)
