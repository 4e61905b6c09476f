print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(list(map(lambda *xs: sum(xs), [1, 2], [10, 20], [100, 200])))
print(list(map(max, [[1, 5], [7, 2]])), list(map(sorted, ["cba", "fed"])))
