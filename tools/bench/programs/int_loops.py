# Integer loops: arithmetic, comparisons and augmented assignment on small ints.
total = 0
i = 0
while i < 1500000:
    if i % 3 == 0:
        total += i
    elif i % 5 == 0:
        total -= i // 5
    else:
        total ^= i & 255
    i += 1
acc = 0
for j in range(1000000):
    acc = (acc * 31 + j) % 1000003
print(total, acc)
