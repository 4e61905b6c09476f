print(repr(0), repr(-5), str(123456789), repr(10 ** 30), str(-10 ** 25))
print(hex(255), hex(-255), oct(8), bin(10), bin(-3), hex(0), bin(0))
print(hex(2 ** 64), oct(2 ** 40), bin(2 ** 33))
