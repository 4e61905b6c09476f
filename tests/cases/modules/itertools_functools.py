import itertools
import functools
print(list(itertools.chain([1, 2], "ab")), list(itertools.islice(itertools.count(5), 3)))
print(list(itertools.combinations("abc", 2)), list(itertools.permutations([1, 2, 3], 2))[:4])
print(list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3, 4])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]), functools.reduce(max, [3, 9, 2], 0))
