print(format(3.14159, ".2f"), format(42, "05d"), format("x", "^5"), format(1234567, ","), format(0.25, "%"))
print(format(255, "x"), format(255, "#o"), format(10, "b"), format(-1.5, "+"), format(True), format(None))
