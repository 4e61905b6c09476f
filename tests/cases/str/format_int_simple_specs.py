# format() of ints with the short width specs that take a fast path (fmt_spec.c)
for v in [0, 5, -5, 42, -42, 123456, -123456, True, False, -9223372036854775808]:
    print([format(v, s) for s in ["0", "00", "05", "05d", "5", "5d", "12", "012d", "1", "01", "99", "099", "d"]])
print(f"{-7:03}|{7:3}|{-7:3}|{1234:2}|{True:03d}")
