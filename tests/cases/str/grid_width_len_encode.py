samples = ["", "a", "é", "e\u0301", "日本", "🎉", "👩‍💻", "\u0000", "\uffff", "𝔘"]
for s in samples:
    b = s.encode("utf-8")
    print(repr(s), len(s), len(b), b, b.decode("utf-8") == s, [hex(ord(c)) for c in s])
