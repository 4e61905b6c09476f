print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "))
print("a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("line1\nline2\r\nline3".splitlines(), "x\n\ny\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(str(i) for i in range(4)))
print("a\tb\nc d".split(), "1 2 3".split(None, 1))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
