# % and // by powers of two and other small divisors at the edges of the 64-bit range
# (the interpreter takes a mask/shift path for powers of two).
for x in [0, 1, -1, 5, -5, 7, -7, 2**62, -(2**62), -(2**63), 2**63 - 1, 1023, -1024]:
    print([(x % y, x // y) for y in (1, 2, 4, 8, 1024, 2**62, 3, -2, -1, 2**63)])
total = 0
for i in range(-20, 20):
    if i % 2 == 0:
        total += i // 4
    else:
        total -= i % 8
print(total, -7 % 2, -7 // 2, 7 % -2, 7 // -2)
