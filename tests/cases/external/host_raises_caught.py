try:
    v = fetch("missing")
except KeyError as e:
    print("caught", type(e).__name__, e)
v = fetch("present")
print(v)
