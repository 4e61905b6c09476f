cities = [c.strip() for c in user_query.split(",") if c.strip()]
readings = {c: get_weather(c) for c in cities}
if not readings:
    print("no cities")
else:
    warmest = max(readings, key=lambda c: readings[c]["temp"])
    coldest = min(readings.values(), key=lambda w: w["temp"])
    spread = readings[warmest]["temp"] - coldest["temp"]
    print(f"warmest: {warmest}, coldest: {coldest['city']}, spread {spread:.1f}")
    humid = [c for c, w in readings.items() if w.get("humidity", 0) > 70]
    print("humid:", ", ".join(humid) or "none")
