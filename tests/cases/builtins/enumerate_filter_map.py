print(list(enumerate("abc")), list(enumerate("abc", start=5)))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, range(8))))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, ["a", "b"])))
print(list(map(int, "123")), list(map(len, ["ab", "", "xyz"])))
