import asyncio


async def add(a, b):
    return a + b


async def twice(x):
    first = await add(x, x)
    return await add(first, first)


async def no_return():
    pass


async def main():
    print(await add(1, 2))
    print(await twice(3))
    print(await no_return())
    c = add("a", "b")
    print(type(c).__name__, c.__name__, c.__qualname__)
    print(repr(c).startswith("<coroutine object add at 0x"))
    print(await c)
    total = 0
    for i in range(5):
        total += await add(i, i)
    print(total)
    values = [await add(i, 1) for i in range(3) if await add(i, 0) != 1]
    print({k: await add(k, k) for k in "ab"}, {await add(i, 2) for i in [1, 1]})
    print(values)
    return "main done"


print(asyncio.run(main()))
