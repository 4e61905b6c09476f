import asyncio


async def down(n):
    return await down(n + 1)


async def main():
    try:
        await down(0)
    except RecursionError as e:
        print("RecursionError", e)
    return "survived"


print(asyncio.run(main()))
