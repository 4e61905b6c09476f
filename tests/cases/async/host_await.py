import asyncio


async def summarize(query):
    hits = await search(query, limit=2)
    log(f"{len(hits)} hits for {query}")
    pages = []
    for hit in hits:
        pages.append(await fetch(hit["url"]))
    return {"query": query, "pages": pages}


async def main():
    result = await summarize("monty")
    print(result)
    first = await fetch("https://example.com/")
    print(first.upper())
    return len(result["pages"])


print(asyncio.run(main()))
