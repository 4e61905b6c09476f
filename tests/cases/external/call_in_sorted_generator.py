names = ["b", "c", "a"]
ranked = sorted((priority(n), n) for n in names)
print(ranked)
print([n for _, n in ranked])
