print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ^ 0x0F)
print(1 << 100, (1 << 100) >> 99, -(1 << 70) >> 3)
print(~0, ~-1, -1 & 0xFF)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
