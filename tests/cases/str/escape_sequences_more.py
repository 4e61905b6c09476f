print("a\x62c", "\101\102", "\u0041\U0001F600", "tab[\t]", "bell?\a".replace("\a", "BEL"))
print(len("\\"), len("\x00"), "\0" == "\x00", "\N{GREEK SMALL LETTER ALPHA}")
print(r"\d+\.\d+", "\\d+")
