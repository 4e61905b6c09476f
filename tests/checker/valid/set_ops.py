a = {1, 2, 3}
b = set([3, 4])
print(a | b, a & b, a - b, a ^ b, a.union(b), a.issubset(b), frozenset(a) | frozenset(b))
a.add(5)
a.discard(1)
print(sorted(a))
