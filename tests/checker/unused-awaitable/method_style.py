import asyncio
asyncio.sleep(1)  # expect: unused-awaitable
