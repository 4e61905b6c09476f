try:
    b"abc"[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b"abc".decode("ascii") + b"x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes("abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"\x80abc".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
