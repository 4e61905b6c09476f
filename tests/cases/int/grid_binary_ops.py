vals = [0, 1, -1, 7, -7, 3, 2 ** 64, -(2 ** 63), True]
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
fns = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b if abs(b) < 100 else "skip", "<<": lambda a, b: a << b if b < 100 else "skip",
    ">>": lambda a, b: a >> b, "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
}
for op in ops:
    for a in vals:
        row = []
        for b in vals:
            try:
                row.append(repr(fns[op](a, b)))
            except (ZeroDivisionError, ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(op, repr(a), " ".join(row))
