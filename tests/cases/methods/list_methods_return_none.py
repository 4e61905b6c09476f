l = [3, 1, 2]
print(l.sort(), l.append(4), l.extend([]), l.insert(0, 0), l.reverse(), l.clear(), l)
s = sorted([3, 1, 2])
print(s)
r = [3, 1, 2]
print(r.sort() or r)
