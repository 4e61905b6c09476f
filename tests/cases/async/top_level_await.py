import asyncio


async def square(x):
    return x * x


print(await square(4))
values = []
for i in range(4):
    values.append(await square(i))
print(values)
print(await asyncio.gather(square(2), square(3)))
c = square(9)
print(await c)
try:
    await c
except RuntimeError as e:
    print("RuntimeError:", e)
