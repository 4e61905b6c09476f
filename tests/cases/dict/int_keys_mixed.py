d = {1: "one", 2: "two", -1: "neg", 10 ** 20: "big", 0.5: "half", (1, 2): "tuple", None: "none", True: "true"}
print(d)
print(d[1], d[10 ** 20], d[(1, 2)], d[None], d[0.5])
