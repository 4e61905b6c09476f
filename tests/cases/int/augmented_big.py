acc = 1
for i in range(70):
    acc = acc * 3 + i
print(acc)
acc -= 3 ** 70
print(acc)
acc //= 12345
print(acc)
acc <<= 5
print(acc, acc >> 100)
