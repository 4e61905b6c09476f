words = ["apple", "bob", "cat", "apple", "dog", "cat"]
print({w: len(w) for w in words})
print({i: i * i for i in range(5) if i % 2})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print({k: v for k, v in zip("abc", range(3))})
