rows = read_table("measurements")
values = [float(r["value"]) for r in rows if r.get("value") is not None]
stats = compute_stats(values) if values else {}
mean = stats.get("mean")
if mean is None:
    print("no data")
else:
    outliers = [v for v in values if abs(v - mean) > 2 * stats.get("stdev", 0.0)]
    print(f"mean={mean:.3f} outliers={len(outliers)}")
