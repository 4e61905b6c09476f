samples = ["ß", "ŉ", "ǰ", "ﬃ", "ΣΑΣ", "ὒ", "İ", "ı", "ǅ", "Ǆ", "ǆ", "ﬅ", "Ω", "K", "µ", "ÿ", "ſ", "ϐ", "ᾳ", "Ա", "ꭰ", "𐐀"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.casefold()), repr(s.swapcase()), repr(s.capitalize()))
print("ΣΑΣ ΟΔΟΣ".lower(), "σ".upper(), "HELLO WORLD".title(), "hELLO wORLD".swapcase())
