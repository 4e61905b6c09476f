big = 3 ** 200
f = 1 / 3
neg = -(2 ** 70)
r = sync()
print(big % 1000007, f, neg, r, big * r % 97, f * r)
