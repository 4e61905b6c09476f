import asyncio

async def main():
    urls = ["https://a", "https://b"]
    pages = await asyncio.gather(*[fetch(u) for u in urls])
    for p in pages:
        print(len(p))
    data = await fetch_json("https://api", params={"q": "x"})
    print(data.get("items", []))
    return pages

result = asyncio.run(main())
