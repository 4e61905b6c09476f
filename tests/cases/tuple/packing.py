def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([5, 3, 9])
print(lo, hi)
t = 1, 2, 3
print(t, type(t).__name__)
x = (1)
y = (1,)
print(x, y)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
