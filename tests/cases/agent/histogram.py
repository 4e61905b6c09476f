values = [3, 7, 1, 9, 4, 7, 2, 8, 7, 5, 1, 6]
buckets = {}
for v in values:
    b = (v - 1) // 3
    buckets[b] = buckets.get(b, 0) + 1
for b in sorted(buckets):
    lo, hi = b * 3 + 1, b * 3 + 3
    print(f"{lo:>2}-{hi:<2} {'#' * buckets[b]} ({buckets[b]})")
mean = sum(values) / len(values)
var = sum((v - mean) ** 2 for v in values) / len(values)
print(f"mean={mean:.3f} var={var:.3f} median={sorted(values)[len(values) // 2]}")
