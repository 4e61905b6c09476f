i = 0
acc = []
while i < 5:
    acc.append(i * i)
    i += 1
print(acc, i)
