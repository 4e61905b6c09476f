l = list(range(8))
del l[-1]
del l[0:2]
print(l, len(l))
del l[:]
print(l, len(l))
