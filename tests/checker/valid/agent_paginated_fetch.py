import asyncio

async def collect(base: str, pages: int):
    out = []
    for page in range(1, pages + 1):
        payload = await fetch_json(base, params={"page": str(page)})
        batch = payload.get("results") or []
        if not batch:
            break
        out.extend(batch)
    return out

everything = asyncio.run(collect("https://api/x", max_items))
print(len(everything))
