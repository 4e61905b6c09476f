print("a b c d".rsplit(" ", 2), "a  b".split(" "), " a b ".rsplit(), "a\x0bb\x0cc".splitlines())
print("x".split("x"), "xx".split("x"), "abc".split("abc"), "a,b,".split(","))
print("".splitlines(), "\n".splitlines(), "a\n\nb".split("\n"))
