import asyncio

page = await fetch("https://a")
print(len(page))
pages = await asyncio.gather(*[fetch(u) for u in ["https://b", "https://c"]])
sizes = [len(p) for p in pages]
first = [await fetch(u) for u in ["https://d"]]
print(sizes, first)
