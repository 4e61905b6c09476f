values = [lookup(k) for k in ["a", "b"]]
if any((last := v) is not None for v in values):
    print(last)  # expect: possibly-unresolved-reference "last"
