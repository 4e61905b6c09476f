ids = {"a": 1, "b": 2}
resolved = {k: resolve(v) for k, v in ids.items()}
print(resolved)
print(sorted(resolved.values()))
