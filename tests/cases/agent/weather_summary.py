readings = {
    "paris": [12.5, 14.0, 13.2, 9.8],
    "oslo": [-2.0, -5.5, 0.0, 1.2],
    "cairo": [30.1, 33.3, 35.0, 31.9],
}
summary = []
for city, temps in sorted(readings.items()):
    avg = sum(temps) / len(temps)
    summary.append({"city": city.title(), "avg": round(avg, 1), "min": min(temps), "max": max(temps), "spread": round(max(temps) - min(temps), 2)})
for s in sorted(summary, key=lambda s: s["avg"], reverse=True):
    print(f"{s['city']:<6} avg {s['avg']:>5.1f}  range [{s['min']:>5.1f}, {s['max']:>5.1f}]  spread {s['spread']}")
print("coldest:", min(summary, key=lambda s: s["min"])["city"])
