strings = ["0", "-0", "+12", " 42 ", "1_000", "1__0", "_1", "0x1f", "0o17", "0b11", "1e3", "1.5", ".5", "5.",
           "inf", "-Infinity", "nan", "1e400", "١٢٣", "12a", "", " ", "0012", "1 2", "−1"]
for s in strings:
    out = []
    for conv in (int, float, lambda t: int(t, 0), lambda t: int(t, 16)):
        try:
            out.append(repr(conv(s)))
        except ValueError:
            out.append("ValueError")
    print(repr(s), out)
