n = int("42") + int(3.5) + int("ff", 16)
s = str(n) + "!"
f = float("1.5") * 2
print(n, s, f, bool(0), chr(65), ord("a"), hex(255), bin(3), oct(8))
