import asyncio
from typing import Any

async def safe_fetch(url: str) -> str | None:
    try:
        return await fetch(url)
    except Exception:
        return None

async def bounded(urls: list[str], limit: int = 2) -> list[str]:
    out: list[str] = []
    for i in range(0, len(urls), limit):
        batch = urls[i:i + limit]
        pages = await asyncio.gather(*(safe_fetch(u) for u in batch), return_exceptions=True)
        for p in pages:
            if isinstance(p, str):
                out.append(p)
    return out

async def pipeline() -> dict[str, Any]:
    pages = await bounded(["a", "b", "c"])
    summaries = await asyncio.gather(*[ask_model(f"Summarize {p[:20]}") for p in pages])
    return {"n": len(pages), "s": summaries}

result = await pipeline()
print(result["n"])

async def main():
    t1 = asyncio.create_task(fetch("x"))
    t2 = asyncio.create_task(fetch_json("y"))
    a, b = await asyncio.gather(t1, t2)
    print(a, b)
    first = await safe_fetch("z")
    if first:
        print(first.upper())
    results = []
    for coro in [fetch("1"), fetch("2")]:
        results.append(await coro)
    return results

print(await main())
r = await asyncio.wait_for(ask_model("hi", temperature=0.5), 10)
print(r)
async def gen_pages():
    for u in ["a"]:
        yield await fetch(u)
async for page in gen_pages():
    print(page)
vals = [await fetch(u) for u in ["p", "q"]]
print(vals)
