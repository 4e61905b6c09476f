x = 7 ** 300
s = str(x)
print(len(s), s[:20], s[-20:])
print(int(s) == x)
print(x % 10 ** 9, -x // 10 ** 250)
