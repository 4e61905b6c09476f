# The same agent written the code-mode way: async tools, awaited; gather issues the
# calls in argument order (docs/async.md). Top-level await needs no asyncio.run.
import asyncio

cities = ["Paris", "Lisbon", "Oslo"]
reports = await asyncio.gather(*[get_weather(c, units="c") for c in cities])
weather = dict(zip(cities, reports))

warm = [c for c in cities if weather[c]["temp"] >= 18]
print(f"warm cities: {', '.join(warm)}")


async def cheapest_direct(city):
    flights = await search_flights("BER", city, max_price=300)
    prices = [f["price"] for f in flights if f["stops"] == 0]
    return (city, min(prices)) if prices else None


options = [o for o in await asyncio.gather(*map(cheapest_direct, warm)) if o is not None]
best = min(options, key=lambda o: o[1], default=None)
body = "\n".join(f"{c:<8} {weather[c]['temp']:5.1f}C  {weather[c]['sky']}" for c in cities)
if best is not None:
    body += f"\nbest trip: {best[0]} for {best[1]} EUR"
print(body)
await send_report("Weekend options", body)
