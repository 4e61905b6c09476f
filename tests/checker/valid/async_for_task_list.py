import asyncio

async def main():
    coros = []
    for city in ["a", "b"]:
        coros.append(fetch_json("https://w/" + city))
    results = await asyncio.gather(*coros, return_exceptions=True)
    ok = [r for r in results if not isinstance(r, Exception)]
    return ok

print(await main())
