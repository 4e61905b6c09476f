specs = ["", "f", ".0f", ".2f", ".10f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "<12.3f", ">12.3f",
         "^12.3f", "012.3f", "+.2f", " .2f", ",.2f", "_.3f", "#.0f", "#g", ".0e", "=+12.2f", "*<10", "n", ".3"]
for v in [0.0, -0.0, 1.5, -2.25, 3.14159265358979, 1e-7, 123456789.125, 1e22, float("inf"), float("nan")]:
    row = []
    for spec in specs:
        try:
            row.append(format(v, spec))
        except ValueError as e:
            row.append(f"<{e}>")
    print(repr(v), row)
