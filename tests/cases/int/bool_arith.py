print(True + 1, False * 5, True / 2, True // 1, -True, ~True, True & False, True | False, True ^ True)
print(sum([True, True, False]), max(True, 2), str(True + True), repr(True & True))
