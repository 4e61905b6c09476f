import asyncio

urls = ["u1", "u2", "u3"]


async def fetch_title(url):
    print("fetching", url)
    data = await fetch(url)
    return data["title"]


async def main():
    titles = await asyncio.gather(*[fetch_title(u) for u in urls])
    print(titles)
    raw = await asyncio.gather(fetch("r1"), fetch("r2"))
    print(raw)
    pending = [fetch(u) for u in ["x", "y"]]
    print("created", len(pending))
    results = await asyncio.gather(*pending)
    print(results)


asyncio.run(main())
