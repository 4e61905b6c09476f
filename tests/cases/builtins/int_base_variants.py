print(int("101", 2), int("777", 8), int("ff", 16), int("FF", 16), int("zz", 36), int("0x1A", 16), int("0b11", 2))
print(int("0o17", 8), int("1_0", 10), int("-0x10", 16), int(" 12 "), int("0", 0), int("010", 10))
for bad in [("012", 0), ("2", 2), ("0x", 16), ("1__0", 10), ("_1", 10)]:
    try:
        int(*bad)
    except ValueError as e:
        print(e)
