data = [3, 2, 1, 0, 5]
pos = [0]
def nxt():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(nxt, 0)))
