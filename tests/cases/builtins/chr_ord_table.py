print(" ".join(f"{c}={ord(c)}" for c in "Hello"))
print("".join(chr(i) for i in range(0x41, 0x5B)))
print([hex(ord(c)) for c in "é€😀"])
