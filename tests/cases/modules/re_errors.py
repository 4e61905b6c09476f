import re
try:
    re.compile(r"(unclosed")
except re.error as e:
    print(type(e).__name__, e)
print(re.escape("a.b*c"), re.search("x", "abc"))
