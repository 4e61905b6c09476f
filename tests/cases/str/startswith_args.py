s = "hello world"
print(s.startswith("world", 6), s.startswith("hello", 1), s.endswith("hello", 0, 5), s.endswith(("x", "ld")))
print(s.find("o", -5), s.count("o", 5), s.index("w", 0, 7))
