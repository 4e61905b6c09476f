def make():
    count = 0
    seen = []
    def step(x):
        nonlocal count
        count += 1
        seen.append(x)
        v = transform(x)
        count += 10
        return v, count, list(seen)
    return step
s = make()
print(s("a"))
print(s("b"))
