fns = [lambda x, k=k: x + k for k in range(3)]
print([f(1) for f in fns])
