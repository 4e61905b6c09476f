def fetch_all(ids):
    return [fetch(i) for i in ids]
print("begin")
print(fetch_all([1, 2, 3]))
