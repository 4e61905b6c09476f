v = get("a")
if v is None:
    fail("missing")
print(v.upper())
if v:
    val = 1
else:
    abort()
print(val)
def f(x: str | None) -> str:
    if x is None:
        fail("none")
    return x.lower()
print(f("A"))
