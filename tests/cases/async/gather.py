import asyncio


async def work(name, n):
    print("start", name)
    total = 0
    for i in range(n):
        total += i
    print("end", name)
    return name, total


async def fail(msg):
    print("failing", msg)
    raise KeyError(msg)


async def main():
    results = await asyncio.gather(work("a", 3), work("b", 4), work("c", 5))
    print(results)
    print(await asyncio.gather())
    same = work("same", 2)
    print(await asyncio.gather(same, work("other", 1), same))
    print(await asyncio.gather(*[work(str(i), i) for i in range(3)]))
    mixed = await asyncio.gather(work("x", 2), fail("bad"), work("y", 2),
                                 return_exceptions=True)
    print([type(r).__name__ for r in mixed], mixed[0], mixed[2])
    try:
        await asyncio.gather(work("p", 1), fail("stop"), work("q", 1))
    except KeyError as e:
        print("gather raised", e)
    nested = await asyncio.gather(asyncio.gather(work("n1", 1), work("n2", 2)), work("n3", 3))
    print(nested)
    print(await asyncio.sleep(0), await asyncio.sleep(0.01, "slept"))
    try:
        asyncio.gather(5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
