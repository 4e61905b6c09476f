x = 1234.5678
print(format(x, ".2f"), format(x, "10.1f"), format(x, "e"), format(x, ".3e"), format(x, "g"))
print(format(x, ",.2f"), format(x, "_.1f"), format(x, "+.0f"), format(-x, ".1f"))
print(format(0.000012345, "g"), format(1e20, "g"), format(123456789.0, "g"), format(1.5, "%"))
print(format(x, "015.3f"), format(x, "<15.2f") + "|", format(x, "^15.2f") + "|")
print(format(1.0, ""), format(1e16, ""), format(0.1, ".20f"))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(float("inf"), ".2f"), format(float("nan"), "f"))
