import re
def err(p):
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), type(e).__name__, e)
for p in ["(unclosed", "a)", "*a", "[abc", "(?P<1a>x)", "\\q", "a**", "x\\", "((a)", "a{2,1}"]:
    err(p)
print(repr(re.compile("a+", re.I | re.M)), repr(re.compile(b"x")), repr(re.compile("x")), re.search("b+", "abbc"))
print(re.sub("x*", "-", "abxd"), re.split("x*", "axbc"), re.findall("", "ab"), re.sub("(a)|b", r"[\1]", "ab"))
try:
    re.sub("a", r"\5", "a")
except re.error as e:
    print(e)
try:
    re.sub("a", r"\q", "a")
except re.error as e:
    print(e)
m = re.match(r"((a)b)(c)?", "ab")
print(m.lastindex, m.lastgroup, m.groups(), m.groups("-"), m.span(3), m.regs, m[1], m.group(1, 2))
print(re.escape("a b-c_d\n"), re.split(r"(,)", "a,b,c", maxsplit=1), re.subn("a", "b", "aaa", count=2))
print(re.match("(?P<x>a)", "a").groupdict(), re.compile("(?P<x>a)(b)").groupindex, re.compile("(a)(b)").groups)
s = "héllo wörld ñ 12٣"
print(re.findall(r"\w+", s), [m.span() for m in re.finditer(r"\w+", s)], re.findall(r"\d", s))
print(re.sub(r"ö", "oe", s), re.search(r"w.rld", s).start(), re.split(r"\s", s))
print(re.findall(r"(?i)HÉLLO", s), re.findall(r"\w+", s, re.ASCII))
print(re.sub(r"(?P<w>\w+)@(\w+)", r"\g<2>:\g<w>", "a@b c@d"), re.sub("a", lambda m: None, "banana"))
print(re.compile(r"\d+").sub(lambda m: str(int(m.group()) * 2), "a1b22c3"), re.compile("n").subn(lambda m: "N", "banana", 2))
print(re.search(r"a\Z", "a\n"), re.search(r"a$", "a\n"), re.search(r"x{,2}y", "xxy"), re.search(r"\u00e9", "é"))
p = re.compile(r"o")
print(p.search("foo", 2), p.match("foo", 1), p.findall("foooo", 1, 3), p.fullmatch("o"), p == re.compile(r"o"))
print(re.findall(rb"\d+", b"a12b3"), re.sub(b"a", b"x", b"banana"), re.split(r"[;,]\s*", "a, b;c,  d"))
print(re.match("(a)(?:b)(c)?", "ab").group(0, 1, 2), re.fullmatch("a|ab", "ab"), re.search("^b", "ab", re.M))
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-03")
print(m.expand(r"\g<mon>/\g<year>"), m.start("mon"), m.end(2), m.string, m.re.pattern, m.pos, m.endpos)
print(re.findall(r"^\s*(\w+)\s*=\s*(.*?)\s*$", "a = 1\n b= two \n", re.M), re.findall(r"(a)|(b)", "ab"))
print(re.sub(r"\s+", " ", "a \n\t b"), re.sub(r"(\d)", r"<\1>", "a1b2"), re.sub("", "-", "abc"))
print(bool(re.match("a", "a")), int(re.I | re.M), re.compile("x", re.X | re.S).flags)
try:
    re.search("a", 5)
except TypeError as e:
    print(e)
try:
    re.match("(a)", "a").group(5)
except IndexError as e:
    print(e)
