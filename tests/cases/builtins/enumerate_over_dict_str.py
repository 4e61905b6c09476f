for i, k in enumerate({"x": 1, "y": 2}):
    print(i, k)
for i, ch in enumerate("hi", 1):
    print(i, ch)
print(list(enumerate(range(3), start=-1)))
