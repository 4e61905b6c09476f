s = "abc"
try:
    s[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.nosuch()
except AttributeError as e:
    print(type(e).__name__, e)
print(s[-3], s[2])
