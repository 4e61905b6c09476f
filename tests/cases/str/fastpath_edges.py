# Edges of the str fast paths: strip with Unicode whitespace and non-ASCII chars,
# ASCII upper/lower, replace counts, join/f-string building, str(int), partition pieces.
cases = ["  a b  ", "\xa0x\xa0", "\u3000y\u3000", "\x1c\x1dz\x1e\x1f", "\t\n\v\f\r w \r",
         "é x é", "", "   ", "\x85q\x85", "a\u2028"]
for c in cases:
    print(repr(c.strip()), repr(c.lstrip()), repr(c.rstrip()))
print(repr("éèé".strip("é")), repr("èxé".strip("è")), repr("ééa".lstrip("é")),
      repr("xyzzy".strip("yz")), repr("€a€".strip("€")), repr("aé".rstrip("è")))
s = "already"
print(s.strip() is s, s.replace("q", "r") is s, s.replace("a", "a", 0) is s)
print("Hello, World 123 ß".upper(), "Hello, World 123 ẞ".lower(), "ABC xyz".upper(),
      "ABC xyz".lower(), "[\\]^_`{".upper(), "@[`{".lower())
print("a.b.c.d".replace(".", "::"), "a.b.c.d".replace(".", "", 2), "aaaa".replace("aa", "b"),
      "abc".replace("b", "é"), "ébé".replace("é", "e"), "x".replace("x", ""),
      "abcabc".replace("abc", "x", -1), "mississippi".replace("ss", "SS", 1))
print("-".join([]), "-".join(["a"]), "-".join(["a", "b", "é"]), "".join(["x", "y"]),
      "é".join(["a", "b", "c"]), len("ab".join(["é"] * 4)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
for v in [0, 7, 9, 10, -1, -9, -10, 123456789, -9223372036854775808, 9223372036854775807]:
    print(str(v), repr(v), f"{v}", f"{v:>5}|{v:05d}|{v:<4}|{v:,}")
w = "héllo wörld"
print(w[1], w[-1], w[4:7], w.partition(" "), w.rpartition("ö"), w.split("l"), w.upper())
print("a b".partition(" ")[1] is " ", "k=v".partition("=")[2], "noeq".partition("="))
print(f"{'é':>3}|{'x':^5}|{3.5:8.2f}|{'abc'!r}|{12:x}|{-5:+d}", f"{'a'}{'é'}{''}", f"")
print([c for c in "aé€😀"], [ord(c) for c in "aé\xff"], chr(233) == "é", "é"[0] is "é"[0])
