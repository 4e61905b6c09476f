def naturals():
    n = 1
    while True:
        yield n
        n += 1
out = []
for v in naturals():
    if v > 5:
        break
    out.append(v * v)
print(out)
def take(n, it):
    return [x for _, x in zip(range(n), it)]
print(take(4, naturals()))
