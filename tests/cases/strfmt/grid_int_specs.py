specs = ["", "d", "<8", ">8", "^8", "08", "+", "-", " ", ",", "_", "#x", "#o", "#b", "X", "c", "n",
         "=+10", "*^12,", "+08,", "x", "_x", "#_b", ".2", ".2f", "e", "%", "g", "010_"]
for v in [0, 7, -7, 255, 1234567, -98765432109]:
    row = []
    for spec in specs:
        try:
            row.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            row.append(f"<{type(e).__name__}: {e}>")
    print(v, row)
