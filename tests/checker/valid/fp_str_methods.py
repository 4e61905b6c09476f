s = "Hello World, hello again"
print(s.split(maxsplit=1), s.rsplit(",", 1), s.partition(" "), s.rpartition(" ")[2])
print(s.removeprefix("Hello ").removesuffix("again"), "7".zfill(3), "a".ljust(3, "."), "b".rjust(3))
print(s.casefold(), "a\nb".splitlines(keepends=True), "a\tb".expandtabs(4), "{x}".format_map({"x": 1}))
print("12".isdigit(), "12".isnumeric(), "ab".isalpha(), "a1".isalnum(), "Ab".istitle(), s.swapcase())
print(s.title(), s.capitalize(), s.index("W"), s.rfind("l"), s.endswith("again"), s.lstrip("H").rstrip("n"))
print(s.encode("utf-8"), b"abc".decode("ascii", errors="ignore"), s.translate(str.maketrans("lo", "01")))
print(int("ff", 16), int("101", base=2), float("inf"), float("1e3"), str(3.5), bool(""), repr("x"))
print(bytes([65, 66]), b"a,b".split(b","), b"x".hex(), "%05.1f" % 3.14159, "%(a)s" % {"a": 1})
print(f"{s!r:>40}", f"{1234567:,}", f"{0.25:.0%}", f"{'x':^5}|", f"{42:08b}")
words = [w.strip(",").lower() for w in s.split()]
print(" ".join(sorted(set(words))), "".join(reversed("abc")), "-".join(map(str, range(3))))
print(ord(s[0]), s[-1], s[1:5], s[::2], len(s), "World" in s, s * 2 if False else "", s.count("l", 0, 5))
lines = """a
b""".splitlines()
print(lines, "x".join(lines), str.upper("q"), "a b".split(" "), "  ".strip() or "empty")
print("%s and %r" % ("a", "b"), "{0}{1}{0}".format("a", "b"), "{:>{w}}".format("x", w=4))
