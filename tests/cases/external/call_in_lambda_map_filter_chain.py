ids = [5, 6, 7, 8]
valid = list(filter(lambda i: check(i), ids))
names = list(map(lambda i: name_of(i).title(), valid))
print(valid, names)
