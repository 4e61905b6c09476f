n = 1234567
print(format(n, ","), format(n, "_"), format(n, "_x"), format(-n, "+,"), format(n, "e"))
print(format(42, "08b"), format(42, "#010b"), format(255, "#X"), format(-255, "#x"))
print(format(42, "=+8"), format(-42, "=8"), format(42, "^8"), format(42, "*<8"))
print(format(5, "c") if False else format(65, "c"), format(10, "n"), format(1234, ".2f"))
print(format(123, "%"), format(True, "d"), format(True, ""), format(7, " d"))
try:
    format(1, ".2d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
