print(pow(2, 1000, 10 ** 9 + 7), pow(12345678901234567890, 3, 97), pow(3, 0, 1))
print(pow(-3, 3, 7), pow(5, -2, 13) if True else 0)
