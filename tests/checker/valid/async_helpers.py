import asyncio

async def get_all(urls):
    tasks = [fetch(u) for u in urls]
    return await asyncio.gather(*tasks)

async def summarize_all(urls):
    pages = await get_all(urls)
    answers = []
    for p in pages:
        answers.append(await ask_model(p[:200]))
    return answers

out = asyncio.run(summarize_all(["a", "b"]))
print(out)
