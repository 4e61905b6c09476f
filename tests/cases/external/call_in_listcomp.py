ids = [3, 1, 2]
names = [get_name(i) for i in ids]
print(names)
upper = {i: get_name(i).upper() for i in ids if i != 1}
print(upper)
