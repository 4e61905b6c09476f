# xfail: stdout line 17: expected ''̀' '͏' '\u0378' '\x85' '\xad' '\u2028' '\u2029' '\u200b' ', got ''̀' '͏' '͸' '\x85' '\xad' '\u2028' '\u2029' '\u200b' '\u2'
points = list(range(0, 0x100)) + [0x300, 0x34F, 0x378, 0x85, 0xAD, 0x2028, 0x2029, 0x200B, 0x200D, 0x202E, 0xFEFF,
          0x3000, 0xE000, 0xFFFD, 0xFFFF, 0x1F600, 0x1F3FB, 0xE0001, 0x10FFFF, 0x1D11E, 0x20000]
for i in range(0, len(points), 16):
    print(" ".join(repr(chr(p)) for p in points[i:i + 16]))
