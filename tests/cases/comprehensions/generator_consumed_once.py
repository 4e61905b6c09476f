g = (x * 2 for x in range(4))
print(sum(g), sum(g))
g2 = (c for c in "abc")
print("a" in g2, list(g2))
