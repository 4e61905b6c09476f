def noisy(x):
    print("compute", x)
    return x * 10
g = (noisy(x) for x in range(3))
print("created")
print(next(g))
print(list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]))
