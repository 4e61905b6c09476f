nested = [[3, 1], [2, 3], [], [1, 4, 4]]
flat = [x for sub in nested for x in sub]
print(flat, sorted(set(flat)), list(dict.fromkeys(flat)))
