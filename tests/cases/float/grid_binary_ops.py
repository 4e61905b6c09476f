vals = [0.0, -0.0, 1.5, -2.5, 3, 1e308, 1e-308, float("inf")]
fns = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b), ("/", lambda a, b: a / b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("**", lambda a, b: "skip" if a < 0 and b % 1 else a ** b)]
for name, fn in fns:
    for a in vals:
        row = []
        for b in vals:
            try:
                row.append(repr(fn(a, b)))
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                row.append(type(e).__name__)
        print(name, repr(a), " ".join(row))
