import asyncio

cities = ["Paris", "Oslo", "Lima"]
report = {}
for city in cities:
    w = get_weather(city, units="c")
    forecast = get_forecast(city, days=5)
    temps = [day["temp"] for day in forecast]
    report[city] = {
        "now": w["temp"],
        "summary": w["summary"].lower(),
        "max": max(temps) if temps else None,
        "humid": w.get("humidity", 0) > 80,
    }

user = find_user("ops@example.com")
if user is None:
    log("no ops user", level="warning")
else:
    lines = [f"{c}: {r['now']:.1f}C, {r['summary']}" for c, r in report.items()]
    body = summarize("\n".join(lines), max_words=50)
    send_email(user["email"], "Weather report", body, cc=None)

hits = search("heat wave europe", max_results=5)
top = sorted(hits, key=lambda h: h.rank)[:3]
titles = [translate(h.title, "fr") for h in top]

async def enrich(urls):
    pages = await asyncio.gather(*[fetch(u) for u in urls])
    return [await ask_model(p[:500], temperature=0.1) for p in pages]

notes = await enrich([h.url for h in top])
stats = compute_stats([r["now"] for r in report.values()])
ticket = create_ticket("Weather digest", "\n".join(notes), priority=2)
if stats.get("mean", 0.0) > 25:
    record("heat", ticket=ticket, mean=stats["mean"])
else:
    close_ticket(ticket, reason="mild")
print(titles, ticket)
