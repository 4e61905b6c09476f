vals = ["s", 1, 1.5, None, [1, "a"], {"k": "v"}, (1,)]
for v in vals:
    print("{!r:>12}|{!s:<12}|".format(v, v))
