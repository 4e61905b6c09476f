x = 1
steps = []
for i in range(70):
    x *= 2
    if i % 10 == 9:
        steps.append(x)
print(steps)
y = 2 ** 64
while y > 1:
    y //= 3
print(y)
acc = 0
for i in range(100):
    acc += 2 ** 60
print(acc, acc - 100 * 2 ** 60)
