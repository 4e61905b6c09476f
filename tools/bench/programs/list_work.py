# List work: append, index, slicing, in-place updates, pop and extend.
xs = []
for i in range(600000):
    xs.append(i * 3 % 1001)
for i in range(len(xs)):
    xs[i] = xs[i] + 1
chunks = [xs[i:i + 100] for i in range(0, len(xs), 100)]
total = 0
for c in chunks:
    total += c[0] + c[-1] + len(c)
stack = []
for i in range(300000):
    stack.append(i)
    if i % 3 == 0:
        stack.pop()
rev = xs[::-1]
found = 0
for v in range(0, 1000, 50):
    if v in xs:
        found += 1
print(len(xs), total, len(stack), rev[0], found, sum(xs))
