i = 0
found = []
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 11:
        break
    found.append(i)
print(found)
i = 0
while i < 3:
    i += 1
else:
    print("else ran", i)
while True:
    break
else:
    print("not printed")
print("done")
