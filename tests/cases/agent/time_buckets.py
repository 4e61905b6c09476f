events = [("09:15", "login"), ("09:47", "click"), ("10:02", "click"), ("10:59", "logout"), ("13:30", "login"), ("13:31", "error")]
buckets = {}
for ts, kind in events:
    hour = int(ts.split(":")[0])
    buckets.setdefault(f"{hour:02d}:00", []).append(kind)
for b, kinds in buckets.items():
    counts = {k: kinds.count(k) for k in sorted(set(kinds))}
    print(b, counts)
minutes = [int(h) * 60 + int(m) for h, m in (ts.split(":") for ts, _ in events)]
gaps = [b - a for a, b in zip(minutes, minutes[1:])]
print(gaps, max(gaps), f"{sum(gaps) / len(gaps):.1f}")
