total = 0
for i in range(12):
    total += double(i)
print(total)
