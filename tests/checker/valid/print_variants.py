items = [1, 2, 3]
print(*items, sep=", ", end="\n")
print()
print("a", "b", sep="")
