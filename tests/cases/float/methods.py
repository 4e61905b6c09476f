print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (2.0).hex())
print(float.fromhex("0x1.8p1"), (1.5).conjugate(), (7.25).real, (7.25).imag)
print(abs(-2.5), abs(-0.0))
