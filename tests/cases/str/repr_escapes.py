vals = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "\x00\x07\x7f", "é日🎉", "\u200b", "\r"]
for v in vals:
    print(repr(v))
print(ascii("é日🎉"), ascii("abc"), ascii(["ü"]))
