import asyncio


async def value():
    return 7


async def boom(msg):
    raise ValueError(msg)


async def stop():
    raise StopIteration(3)


async def main():
    for bad in [1, None, "s", [1], (x for x in [])]:
        try:
            await bad
        except TypeError as e:
            print("TypeError:", e)
    c = value()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await boom("inner")
    except ValueError as e:
        print("caught", e)
    try:
        await stop()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
    try:
        try:
            await boom("first")
        finally:
            print("finally runs")
    except ValueError as e:
        print("after finally", e)
    try:
        for x in value():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.run(value())
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "ok"


print(asyncio.run(main()))
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
