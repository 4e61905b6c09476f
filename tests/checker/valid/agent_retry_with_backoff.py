import asyncio

async def with_retry(url: str, attempts: int = 3):
    delay = 0.5
    last_error = None
    for attempt in range(1, attempts + 1):
        try:
            return await fetch_json(url)
        except Exception as exc:
            last_error = exc
            log(f"attempt {attempt} failed: {exc}", level="warning")
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError(f"giving up on {url}") from last_error

data = await with_retry("https://api.example.com/items")
items = data.get("items", [])
print(len(items))
