def f():
    return 1
setattr(f, "tag", "x")
print(f.tag, getattr(f, "tag"), hasattr(f, "tag"))
