x = get_price("A")
print(x.is_integer(), round(x), x.real, (3).bit_length(), float.fromhex("0x1p3"))
