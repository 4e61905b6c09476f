print("ab" * 3, 3 * "ab", "x" * 0, "x" * -2, repr("" * 100))
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "abc"
    s[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
