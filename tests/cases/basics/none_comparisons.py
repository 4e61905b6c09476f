x = None
print(x is None, x == None, x != None, not x, x or "fallback", x and "never")
vals = [None, 0, "", [], False]
print([v is None for v in vals], [v == None for v in vals], [not v for v in vals])
try:
    None < 1
except TypeError as e:
    print(type(e).__name__, e)
