print(format("abc", ">6"), format("abc", "<6") + "|", format("abc", "^7"), format("abc", ".2"))
print(format("abc", "*^9"), format("x", "0>3"), format("long text", ".4s"))
try:
    format("abc", "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format("abc", "+")
except ValueError as e:
    print(type(e).__name__, e)
