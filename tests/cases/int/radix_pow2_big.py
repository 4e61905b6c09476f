# bin/oct/hex and b/o/x format codes of small and multi-digit big ints
vals = [0, 1, -1, 7, -8, 255, 2**59, 2**60 - 1, 2**60, 2**61 + 5, -(2**64), 3**100, -(7**77), 2**120 - 1]
for v in vals:
    print(bin(v), oct(v), hex(v), format(v, "b"), format(v, "#o"), format(v, "X"), f"{v:#x}", f"{v:_b}" if v.bit_length() < 70 else "")
