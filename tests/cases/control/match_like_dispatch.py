def handle(cmd):
    handlers = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b,
    }
    fn = handlers.get(cmd)
    if fn is None:
        return f"unknown command {cmd!r}"
    return fn(6, 3)
for c in ["add", "sub", "mul", "div"]:
    print(c, handle(c))
