vals = [1, "a'b", 'a"b', "é", [1, "x"], {"k": None}, (1,), 1.0, True]
for v in vals:
    print(repr(v), str(v), ascii(v))
