print(abs(-5), abs(5), abs(-2 ** 70), abs(0))
print(round(7), round(15, -1), round(25, -1), round(1234, -2), round(-1550, -2))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(2 ** 70, 7))
