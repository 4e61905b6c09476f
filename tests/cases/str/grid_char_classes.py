ranges = [(0x20, 0x80), (0xA0, 0x180), (0x370, 0x400, 3), (0x400, 0x460, 2), (0x600, 0x670, 2), (0x900, 0x970, 2),
          (0x2000, 0x2080), (0x2150, 0x2190), (0x3000, 0x3040), (0x4E00, 0x4E10), (0xFF00, 0xFF40)]
for r in ranges:
    start, stop = r[0], r[1]
    step = r[2] if len(r) > 2 else 1
    chars = [chr(c) for c in range(start, stop, step)]
    for m in ["isalpha", "isdigit", "isnumeric", "isdecimal", "isspace", "isprintable", "isupper", "islower", "isalnum", "isidentifier"]:
        bits = "".join("1" if getattr(c, m)() else "0" for c in chars)
        print(f"{start:05x} {m:<12} {bits}")
