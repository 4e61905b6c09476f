r = maybe_find("x")
if r is None:
    print("not found")
r = maybe_find("y")
print("found" if r is not None else "nothing", r)
print(maybe_find("z") or "default")
