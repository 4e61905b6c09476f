b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b + b"!", b * 2, b"ell" in b, 104 in b)
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), b"".join([b"a", b"b"]))
print(b.upper(), b.split(b"l"), b.replace(b"l", b"L"), b.find(b"lo"), b.hex())
print(list(b"ab"), b.decode(), repr(b"\x00\xff\n'"), bytes.fromhex("41 42"))
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
