async def work():
    return 1

work()  # expect: unused-awaitable
