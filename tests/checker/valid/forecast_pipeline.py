forecast = get_forecast("Lima", days=5)
temps = [day["temp"] for day in forecast]
hot_days = [d["city"] for d in forecast if d["temp"] > 25]
summary = {
    "max": max(temps) if temps else None,
    "min": min(temps, default=None),
    "avg": sum(temps) / len(temps) if temps else 0,
    "hot": hot_days,
}
print(summary)
