print(abs(-3), abs(3.5), abs(-0), abs(True))
print(all([1, 2, 3]), all([1, 0]), all([]), all("abc"), all([[], [1]]))
print(any([0, "", None]), any([0, 1]), any([]), any(x > 2 for x in [1, 2, 3]))
