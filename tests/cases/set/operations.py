a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 5} <= a, a >= {1}, {1, 2} < {1, 2}, a.isdisjoint({9}), a.issubset(range(10)))
c = set(a)
c |= {100}
c &= {1, 100, 2}
c -= {2}
print(c)
