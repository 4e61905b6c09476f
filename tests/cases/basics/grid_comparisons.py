vals = [0, 1, 1.0, -1, True, False, None, "", "a", "b", [], [1], (), (1,), 2 ** 70, float("inf")]
ops = [("==", lambda a, b: a == b), ("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b)]
for name, fn in ops:
    for a in vals:
        row = []
        for b in vals:
            try:
                row.append("T" if fn(a, b) else "F")
            except TypeError:
                row.append("x")
        print(f"{name:<2} {a!r:>26} {''.join(row)}")
