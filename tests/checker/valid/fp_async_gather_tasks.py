import asyncio

async def one(url: str) -> int:
    page = await fetch(url)
    return len(page)

async def main() -> list[int]:
    results = await asyncio.gather(*[one(u) for u in ["a", "b"]])
    t = asyncio.create_task(one("c"))
    extra = await t
    pair = await asyncio.gather(fetch("x"), fetch_json("y"))
    print(pair[0].upper(), pair[1].get("items"))
    await asyncio.sleep(0)
    return list(results) + [extra]

out = await main()
print(out)
data = await fetch_json("https://api", params={"a": "b"})
for item in data.get("items", []):
    print(item)
tasks = [asyncio.create_task(ask_model(p)) for p in ["q1", "q2"]]
answers = await asyncio.gather(*tasks)
for a in answers:
    print(a.strip())
try:
    r = await asyncio.wait_for(fetch("z"), timeout=5)
    print(r)
except asyncio.TimeoutError:
    print("timeout")
coro = fetch("later")
print(await coro)
