for i in range(3):
    if check(i):
        print("found", i)
        break
else:
    print("none found")
n = 0
while n < 2:
    n += 1
    note(n)
else:
    print("while done", n)
