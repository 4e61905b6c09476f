print(divmod(9, 4), divmod(-9, 4), divmod(9.5, 2), pow(3, 4), pow(3, 4, 5), pow(2.0, 3))
print(round(3.14159), round(3.14159, 3), round(-0.5), round(1.5), round(12345, -3))
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(-1.5))
