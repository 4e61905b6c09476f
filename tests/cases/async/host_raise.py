import asyncio


async def safe(key):
    try:
        return await lookup(key)
    except KeyError as e:
        print("missing", e)
        return -1
    finally:
        print("done", key)


async def main():
    print(await safe("a"), await safe("b"))
    out = await asyncio.gather(lookup("c"), lookup("d"), lookup("e"), return_exceptions=True)
    print([type(x).__name__ for x in out], out[0], out[2])
    try:
        await asyncio.gather(lookup("f"), lookup("g"))
    except ValueError as e:
        print("gather failed:", e)
    return await lookup("h")


asyncio.run(main())
