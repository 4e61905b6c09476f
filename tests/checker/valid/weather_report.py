report = {}
for city in ["Paris", "Rome", "Oslo"]:
    w = get_weather(city, units="f")
    report[city] = {"temp": w["temp"], "summary": w["summary"].title()}
    humidity = w.get("humidity", 0)
    if humidity > 80:
        report[city]["note"] = "humid"
print(report)
