# class methods of built-in types are reachable from an instance too
print({}.fromkeys([1, 2], 0))
print(dict().fromkeys("ab"))
d = {"x": 1}
f = d.fromkeys
print(f(range(3), []))
print(d)
print("".maketrans("ab", "cd"))
print((1).from_bytes(b"\x01\x00", "big"))
print((1.0).fromhex("0x1p3"))
print(b"".fromhex("4142"))
print(dict.fromkeys("xy", 5))
