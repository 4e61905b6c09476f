s = "naïve café"
b = s.encode("utf-8")
print(b, len(b), b.decode("utf-8") == s)
print("abc".encode("ascii"), s.encode("ascii", "ignore"), s.encode("ascii", "replace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
