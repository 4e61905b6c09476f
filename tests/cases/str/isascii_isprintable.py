for s in ["abc", "é", "a\tb", "hello world", "\x7f", "", "日本"]:
    print(repr(s), s.isascii(), s.isprintable())
