vals = [0, 1, -1, 2.5, -0.5, "7", "3.5", "", "abc", True, None, [1], (1, 2), {"k": 1}]
for v in vals:
    out = []
    for conv in (int, float, str, bool, list, tuple):
        try:
            out.append(repr(conv(v)))
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__)
    print(repr(v), out)
