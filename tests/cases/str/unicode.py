s = "héllo wörld ñ 日本語 🎉"
print(len(s), s.upper(), s[1], s[-1], s[12:15])
print(ord("é"), chr(233), ord("🎉"), chr(0x65e5), ord("A"), chr(97))
print("Straße".upper(), "ǅ".lower(), "İ".lower(), len("İ".lower()))
print("ß".casefold(), "Ω".lower(), "ﬁ".upper())
print(s.encode("utf-8")[:8], "é".encode(), b"\xc3\xa9".decode())
print(sorted("bäaz"), "é" > "z")
