for i in range(3):
    if i == 5:
        break
else:
    print("no break")
for i in range(10):
    if i == 5:
        print("break at", i)
        break
else:
    print("not printed")
