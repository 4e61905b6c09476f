# Comprehensions: list, dict, set and generator expressions with filters.
total = 0
for rep in range(150):
    sq = [x * x for x in range(10000) if x % 3]
    d = {x: x + 1 for x in range(5000)}
    s = {x % 1000 for x in range(10000)}
    g = sum(x for x in range(10000) if x & 1)
    nested = [[i * j for j in range(150)] for i in range(100)]
    total += len(sq) + len(d) + len(s) + g + nested[-1][-1]
print(total)
