names = ["ann", "bob", "cy"]
for n in names:
    print(n.upper())
total = 0
for x in [1, 2, 3, 4]:
    total += x * x
print(total)
for ch in "hey":
    print(ch)
for i, n in enumerate(names):
    print(i, n)
