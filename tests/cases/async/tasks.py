import asyncio


async def job(name, x):
    print("job", name)
    return x * 10


async def quiet(x):
    return x * x


async def main():
    t = asyncio.create_task(job("one", 1))
    print("created")
    print(await t)
    tasks = [asyncio.create_task(job(str(i), i)) for i in range(3)]
    print(await asyncio.gather(*tasks))
    print(await asyncio.wait_for(job("w", 4), timeout=5))
    print(await asyncio.wait_for(job("n", 5), None))
    print(asyncio.iscoroutine(job("c", 0)), asyncio.iscoroutine(5))
    done = [await aw for aw in asyncio.as_completed([quiet(1), quiet(2), quiet(3)])]
    print(sorted(done))
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.ensure_future(5)
    except TypeError as e:
        print("TypeError:", e)
    print(await asyncio.ensure_future(quiet(4)))
    try:
        raise asyncio.TimeoutError("slow")
    except TimeoutError as e:
        print("TimeoutError:", e)


asyncio.run(main())
