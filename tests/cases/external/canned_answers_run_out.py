a = ask("first")
print(a)
b = ask("second")
print(b)
