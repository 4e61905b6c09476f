totals = compute_stats([float(x) for x in range(5)])
print(totals["mean"] if "mean" in totals else 0.0)
record("summary", **totals)
