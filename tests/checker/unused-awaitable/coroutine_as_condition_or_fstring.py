async def main() -> None:
    if fetch("https://a"):  # expect: unused-awaitable "as a condition"
        print("fetched")
    while ask_model("more?"):  # expect: unused-awaitable "as a condition"
        break
    note = "yes" if fetch_json("u") else "no"  # expect: unused-awaitable "as a condition"
    print(f"answer: {ask_model('q')}")  # expect: unused-awaitable "f-string field"
    assert fetch("b")  # expect: unused-awaitable "as a condition"
    if await fetch("https://a"):
        print(f"answer: {await ask_model('q')}", note)

async def later() -> None:
    pending = fetch("https://c")
    if pending:    # a coroutine held in a name may be awaited afterwards: not reported
        print(await pending)
