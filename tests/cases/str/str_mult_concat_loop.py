parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for i in range(10):
    s += chr(ord("a") + i)
print(s, len(s))
