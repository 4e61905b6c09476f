async def main():
    page = fetch("u")
    return page.strip()  # expect: unresolved-attribute "await"
