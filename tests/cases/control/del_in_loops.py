items = list(range(10))
i = 0
while i < len(items):
    if items[i] % 3 == 0:
        del items[i]
    else:
        i += 1
print(items)
d = {k: k * k for k in range(6)}
for k in [k for k in d if d[k] > 10]:
    del d[k]
print(d)
