stats = compute_stats([1.0, 2.0, 3.5])
mean = stats.get("mean", 0.0)
print(round(mean * 100) / 100)
counts: dict[str, int] = {}
for word in "a b a c".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items(), key=lambda kv: kv[1], reverse=True))
