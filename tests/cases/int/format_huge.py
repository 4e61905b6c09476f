n = 10 ** 50 + 12345
print(format(n, ","), format(n, "_"), format(-n, "+,"), f"{n:>60}", f"{n:x}", f"{n:e}", f"{n:.3e}")
print(str(-n)[:10], len(str(n)), n.bit_length(), format(2 ** 100, "b").count("0"))
