s = "ab" + "cd"
print(s, s[0], s[-1])
