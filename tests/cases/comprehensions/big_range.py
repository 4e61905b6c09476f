print(sum([i for i in range(10000) if i % 7 == 0]))
print(len({i % 97 for i in range(10000)}))
print(len({i: i for i in range(5000)}))
