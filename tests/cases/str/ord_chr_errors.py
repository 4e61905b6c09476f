print([ord(c) for c in "AZaz09"], "".join(chr(c) for c in range(65, 71)))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
