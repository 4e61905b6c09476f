readings = [{"city": "Oslo", "temp_c": -3.5}, {"city": "Cairo", "temp_c": 35.0}, {"city": "Lima", "temp_c": 18.25}]
for r in readings:
    f = r["temp_c"] * 9 / 5 + 32
    label = "hot" if f > 90 else "cold" if f < 32 else "mild"
    print(f"{r['city']:<6}{r['temp_c']:>7.2f}C{f:>8.1f}F  {label}")
print(round(sum(r["temp_c"] for r in readings) / len(readings), 3))
