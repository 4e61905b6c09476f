f = frozenset([1, 2, 3])
print(f, len(f), 2 in f, f | {4}, f & {1, 9})
d = {f: "frozen"}
print(d[frozenset([3, 2, 1])])
print(frozenset() == set(), {frozenset([1]), frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
