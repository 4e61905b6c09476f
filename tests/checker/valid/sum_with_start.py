lists = [[1], [2, 3]]
print(sum(lists, []), sum(x for x in range(3)), sum([0.5, 1]))
