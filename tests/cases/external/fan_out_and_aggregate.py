cities = ["Paris", "Oslo", "Cairo", "Lima"]
results = {}
failures = []
for c in cities:
    try:
        results[c] = get_forecast(c, days=3)
    except TimeoutError as e:
        failures.append((c, str(e)))
for c, days in results.items():
    avg = sum(d["high"] for d in days) / len(days)
    print(f"{c:<6} avg high {avg:5.1f}  max rain {max(d['rain'] for d in days)}%")
print("failed:", failures)
