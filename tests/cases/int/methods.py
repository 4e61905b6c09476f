# xfail: monty: AttributeError: 'int' object has no attribute 'to_bytes'
print((255).bit_length(), (0).bit_length(), (-1).bit_length(), (2 ** 100).bit_length())
print((10).bit_count(), (-7).bit_count())
print((5).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((3).as_integer_ratio(), (-4).is_integer())
