import asyncio


def make_adder(n):
    async def adder(x):
        return x + n
    return adder


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


async def apply(f, items):
    out = []
    for item in items:
        out.append(await f(item))
    return out


async def main():
    add5 = make_adder(5)
    print(await add5(1))
    print(await apply(add5, [1, 2, 3]))
    print(await fib(15))
    counter = 0

    async def bump(k):
        nonlocal counter
        counter += k
        return counter

    print(await bump(2), await bump(3), counter)
    coros = [fib(i) for i in range(10)]
    print(await asyncio.gather(*coros))
    print(sorted(await asyncio.gather(*map(add5, [3, 1, 2]))))


asyncio.run(main())
