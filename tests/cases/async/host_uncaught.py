async def get(url):
    body = await fetch(url)
    return body


print(await get("a"))
print(await get("b"))
