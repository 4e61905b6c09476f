b = b"  Hello, World  "
print(b.strip(), b.lower(), b.startswith(b"  H"), b.count(b"l"), b.index(b"W"), b.rstrip())
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"abc".hex(), b"\xff\x00".hex())
print(b"x" * 3, b"abc"[::-1], b"abc"[1], b"abc"[0:1], len(b""), bytes(b"ab") == b"ab")
print(b"Hello".decode("ascii"), "héllo".encode("utf-8").decode("latin-1"), b"%d-%s" % (5, b"x"))
print(sorted(b"cab"), list(reversed(b"ab")), b"abc" < b"abd", b"a" in b"cat")
