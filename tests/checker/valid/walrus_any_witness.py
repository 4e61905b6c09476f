# any() that held ran its generator at least once: the walrus target is bound.
values = [lookup(k) for k in ["a", "b"]]
if any((last := v) is not None for v in values):
    print(last)
if not all((bad := v) for v in values):
    print(bad)
