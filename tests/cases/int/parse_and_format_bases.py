for n in [0, 1, 255, 4096, -42, 2 ** 40]:
    print(n, bin(n), oct(n), hex(n), f"{n:b}", f"{n:o}", f"{n:x}", int(hex(n), 16) == n)
