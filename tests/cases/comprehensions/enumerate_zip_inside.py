names = ["a", "b", "c"]
vals = [10, 20, 30]
print([f"{i}:{n}={v}" for i, (n, v) in enumerate(zip(names, vals))])
print({n: v for n, v in zip(names, vals) if v > 10})
print([[n] * i for i, n in enumerate(names, 1)])
