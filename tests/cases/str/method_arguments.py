s = "  one two  three four  "
print(s.split(None, 2), s.split(maxsplit=1), s.rsplit(maxsplit=2), s.strip().split(" ", 2))
print("a-b-c-d".split(sep="-", maxsplit=2), "a-b-c-d".rsplit("-", maxsplit=1))
print("xxaxx".strip("x"), "xxaxx".lstrip("x"), "xxaxx".rstrip("x"), "abcba".strip("ca"))
print("abc".center(7, "*"), "abc".ljust(6, "-"), "abc".rjust(6, "0"), "abc".zfill(6))
print("banana".count("a", 2), "banana".count("a", 2, 4), "banana".find("a", -2), "banana".rfind("a", 0, 3))
print("banana".index("n", 3), "banana".rindex("a", -3, -1), "banana".startswith("an", 1), "banana".endswith("an", 0, 5))
print("aaaa".replace("a", "b", 2), "aaaa".replace("a", "b", count=3), "a\tb".expandtabs(tabsize=4))
print("l1\nl2\r\nl3".splitlines(keepends=True), "x".join("abc"), "hello".partition("l"), "hello".rpartition("l"))
try:
    "abc".center(5, "**")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
