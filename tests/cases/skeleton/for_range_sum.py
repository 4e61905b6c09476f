total = 0
for i in range(10):
    total = total + i
print(total)
for i in range(3, 6):
    print(i)
