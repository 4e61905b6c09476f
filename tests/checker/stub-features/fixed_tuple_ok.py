n, s = pair()
print(n + 1, s.upper(), pair()[0] + 1, pair()[1].lower())
