import asyncio

async def main():
    task = fetch("https://a")
    other = ask_model("hi")
    page, answer = await asyncio.gather(task, other)
    first = await fetch_json("u")
    print(page, answer, first)

asyncio.run(main())
