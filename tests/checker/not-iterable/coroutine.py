async def main():
    for h in fetch_json("u"):  # expect: not-iterable "await"
        print(h)
