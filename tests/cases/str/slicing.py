s = "0123456789"
print(s[2:5], s[-3:], s[:-3], s[::3], s[8:2:-2], s[100:], s[-100:2], s[5:5])
print(s[slice(1, 4)], s[slice(None, None, -1)])
print(s[::-1][::-1] == s)
