counts = {}
words = ["a", "b", "a"]
for w in words:
    try:
        counts[w] += 1
    except KeyError:
        counts[w] = 1
print(counts)
try:
    counts["z"] += 1
except KeyError as e:
    print("missing", e)
