print(bin(5), oct(64), hex(3054), bin(-5), oct(-8), hex(-1))
print(chr(9731), ord("☃"), chr(65) + chr(0x1F600))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
