s = "9" * 1000
n = int(s)
print(len(str(n)), n % 97)
