def load(url):
    return await fetch(url)  # expect: invalid-await "async def load"

async def ok(url):
    return [await fetch(u) for u in [url]]

f = lambda: await fetch("x")  # expect: invalid-await "lambda"
