vals = [0, 1, -1, 0.0, 0.5, "", " ", [], [0], (), (0,), {}, {0: 0}, None, True, False, range(0), range(1)]
for v in vals:
    print(repr(v), bool(v), "T" if v else "F")
