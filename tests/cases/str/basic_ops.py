s = "Hello, World"
print(len(s), s + "!", s * 2, "World" in s, "world" in s, "x" not in s)
print(s[0], s[-1], s[7:], s[:5], s[::-1], s[1:10:3])
print(s.lower(), s.upper(), s.swapcase(), s.title(), "hello world".capitalize())
print(s == "Hello, World", s < "Help", s != s.lower())
