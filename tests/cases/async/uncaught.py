import asyncio


async def inner(x):
    return {"a": 1}[x]


async def main():
    print("before")
    value = await inner("b")
    print("never", value)


asyncio.run(main())
