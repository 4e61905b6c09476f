try:
    import nonexistent_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from math import nosuchname
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
