async def main():
    page = fetch("u")
    return summarize(page)  # expect: invalid-argument-type "await"
