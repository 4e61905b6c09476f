print(int(), int(3.9), int(-3.9), int("42"), int("  -17  "), int("+5"))
print(int("ff", 16), int("0xff", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int("1_000"))
print(int(True), int(1e20), int("10", 2))
for bad in ["", "abc", "1.5", "12a", "0x"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
