vals = [0, 1, -1, 42, 1234567, -9876543210, 3.14159, -0.5, 1e20, 1.5e-7, 2.5, 0.1+0.2, float('inf'), float('nan'), True, 10**25]
specs = ["", "d", "5d", "<8", ">8", "^9", "+", " ", ",", "_", "08.2f", ".3e", ".2%", "g", ".3g", "x", "#x", "#o", "b", "#b", "010,", "=+10", "*^12", ".0f", "e", "n", "X", "c", "10.4", ",.2f", "_.3f", ">+12,.1f"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(v), "|".join(row))
name = "Ada"
score = 93.456
print(f"{name!r:>10} {score:6.1f} {score:.0%} {name!s:*<7} {name!a}")
print(f"{'x'=}", f"{score=:.2f}", f"{1+2=}")
print(f"{'nested':{'>'}{10}}|")
w = 8; p = 3
print(f"{score:{w}.{p}f}|{score:<{w}}|")
print("{:>10}|{:<5}|{:^7}|".format("a", "b", "c"))
print("{0} {1} {0}".format("x", "y"))
print("{name} is {age:d}".format(name="Bo", age=3))
print("{:,}".format(1234567.891))
print("{0[0]} {0[1]}".format(["p", "q"]))
print("{d[k]}".format(d={"k": "v"}))
print("%5s|%-5s|%05d|%.2f|%x|%o|%e|%g|%r|%%|%c" % ("a", "b", 42, 3.14159, 255, 8, 12345.678, 0.0001, "s", 65))
print("%(a)s-%(b)04d" % {"a": "A", "b": 7})
print("%*d|%-*d|" % (5, 1, 4, 2))
print("%+d % d %+.1f" % (5, 5, -0.05))
print("%s" % [1, 2])
print("%s" % (None,))
print("%10.3s|" % "abcdef")
print("%i" % (3,))
print(str(1e16), str(1e15), repr(123456789012345678.0), 1/3, 2/3, 1e-5, 0.0001, -0.0, 1e300*10)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(0.5), round(1.5))
print(10**30, -10**30, 2**64, 7//2, -7//2, 7%-3, -7%3, divmod(-7, 2), divmod(7.5, 2))
print(0.1*3, 1.1+2.2, 100.0, 1e100, float(10**20), 3.0*1e-3)
print(int(3.99), int(-3.99), int("  42 "), int("0x1f", 16), int("0b101", 0), int("1_000"))
print(float("1e3"), float(" -2.5 "), float("inf"), float("-nan"))
print(True + True, True * 3, -True, ~5, ~True)
print(hex(255), oct(8), bin(5), hex(-1), bin(-10))
print(repr("it's"), repr('say "hi"'), repr("both ' \""), repr("tab\there\n"), repr("\x00\x7f\u00e9\u200b"))
print(ascii("héllo ☃"), repr("☃"), str(b"ab\x00"), repr(b"'"))
print([1.0, 2.50, None, True, "s", ("t",), {"a": [1, {2}]}, frozenset(), set(), {}, ()])
print({1: "a", "b": 2.0, (1, 2): None})
print(1e16, 1.0e-4, 12345678901234567890.0, 0.000123)
print(abs(-3), abs(-3.5), pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 0.5))
print(max(1, 2.5), min("b", "a"), max([1, 5, 3], key=lambda x: -x), max([], default=None))
print(sum([0.1]*10), sum([1, 2], 10), sum([[1], [2]], []))
