vals = [i / 10 for i in range(20)]
print(vals)
print([round(v * 3, 2) for v in vals])
acc = 0.0
for v in vals:
    acc += v
print(acc, sum(vals), acc == sum(vals))
print([x / 7 for x in range(1, 8)])
