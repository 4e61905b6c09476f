l = []
l.extend("ab")
l.extend(range(2))
l.extend((9,))
l.extend({"k": 1})
l += "cd"
print(l)
