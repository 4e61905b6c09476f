import asyncio


async def val(x):
    return x


async def may_fail(x):
    if x % 3 == 0:
        raise ValueError(f"bad {x}")
    return x


async def loop_body():
    out = []
    for i in range(10):
        if await val(i) == 2:
            continue
        if await val(i) == 6:
            break
        try:
            out.append(await may_fail(i))
        except ValueError as e:
            out.append(str(e))
            out.append(await val("handled"))
        finally:
            out.append(await val("f"))
    return out


async def while_loop():
    n = 0
    while await val(n) < 5:
        n += await val(1)
    return n


async def in_handler():
    try:
        raise KeyError("k")
    except KeyError:
        return await val("from handler")


async def nested_finally():
    log = []
    try:
        try:
            await may_fail(3)
        finally:
            log.append(await val("inner finally"))
    except ValueError as e:
        log.append(str(e))
    return log


async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)


async def main():
    print(await loop_body())
    print(await while_loop())
    print(await in_handler())
    print(await nested_finally())
    print(await deep(50))
    print(await val(await val(await val("nested"))))
    print(await val(1) + await val(2), [await val(c) for c in "xy"] * 2)
    print(await asyncio.gather(*(val(i) for i in range(3))))


asyncio.run(main())
