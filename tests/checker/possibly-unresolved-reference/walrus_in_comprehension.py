values = [lookup(k) for k in ["a", "b"]]
if all((last := v) is not None for v in values):
    print(last)  # expect: possibly-unresolved-reference "last"
if not any((first := v) for v in values):
    print(first)  # expect: possibly-unresolved-reference "first"
