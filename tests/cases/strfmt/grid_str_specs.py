specs = ["", "s", "<6", ">6", "^6", "^7", "*^9", ".2", "10.3", "-<5", "0>5", "=5", "+", ",", "d"]
for v in ["", "a", "abc", "héllo", "longer text"]:
    row = []
    for spec in specs:
        try:
            row.append(format(v, spec))
        except ValueError as e:
            row.append(f"<{e}>")
    print(repr(v), row)
