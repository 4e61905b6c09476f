import asyncio
asyncio.gather(fetch("a"), fetch("b"))  # expect: unused-awaitable
