def enrich(ids, suffix="!"):
    return list(map(lambda i: label(i) + suffix, ids))
print(enrich([1, 2]), enrich([3], suffix="?"))
