def chunks(xs, n):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]

for c in chunks([1, 2, 3, 4, 5], 2):
    print(c)
print(list(chunks("abcdef", 4)))
gen = (x * 2 for x in range(3))
print(next(gen), sum(gen))
