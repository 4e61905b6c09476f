# An agent-style script: gather tool results, munge them, report.
cities = ["Paris", "Lisbon", "Oslo"]
weather = {}
for city in cities:
    weather[city] = get_weather(city, units="c")

warm = [c for c in cities if weather[c]["temp"] >= 18]
print(f"warm cities: {', '.join(warm)}")

best = None
for city in warm:
    flights = search_flights("BER", city, max_price=300)
    direct = [f for f in flights if f["stops"] == 0]
    if not direct:
        continue
    cheapest = min(f["price"] for f in direct)
    if best is None or cheapest < best[1]:
        best = (city, cheapest)

lines = []
for city in cities:
    w = weather[city]
    lines.append(f"{city:<8} {w['temp']:5.1f}C  {w['sky']}")
if best is not None:
    lines.append(f"best trip: {best[0]} for {best[1]} EUR")
body = "\n".join(lines)
print(body)
send_report("Weekend options", body)
