print(int("12") + float("0.5"), str(12) + "0.5", int(float("3.99")), float(int("7")))
print(int("  42\n"), float(" 1e-2 "), str(int("-0")), int("٣"))
