data = [i * i for i in range(10000)]
lookup = {i: str(i) for i in range(0, 10000, 7)}
r = ping(len(data))
print(r, sum(data), len(lookup), data[-1], lookup[9996])
data.append(r)
print(len(data), data[-1])
