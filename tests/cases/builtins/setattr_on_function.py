# xfail: monty: AttributeError: 'function' object has no attribute 'tag'
def f():
    return 1
setattr(f, "tag", "x")
print(f.tag, getattr(f, "tag"), hasattr(f, "tag"))
