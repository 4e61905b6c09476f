async def worker(name):
    text = await fetch("https://x/" + name)
    return {"name": name, "size": len(text)}

async def main():
    results = []
    for n in ["a", "b"]:
        results.append(await worker(n))
    return results

print(await main())
