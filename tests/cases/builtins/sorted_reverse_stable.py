pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs, reverse=True))
print(sorted(pairs, key=lambda p: p[1]))
