print(dict(a=1), list("ab"), tuple([1, 2]), set([3, 3, 1]), frozenset([2, 2]))
print(dict([(1, 2)]), list(range(2)), tuple(), set(), frozenset())
print(list({"x": 1}.items()), tuple({"a": 0, "b": 1}), sorted(set("abca")))
