async def main():
    c = fetch("u")
    return c()  # expect: call-non-callable "await"
