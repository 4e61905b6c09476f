calls = []
def idx():
    calls.append("idx")
    return 1
def obj():
    calls.append("obj")
    return data
data = [10, 20, 30]
obj()[idx()] += 5
print(data, calls)
d = {"k": [1]}
d["k"] += [2]
d["k"][0] -= 10
print(d)
