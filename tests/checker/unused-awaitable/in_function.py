async def main():
    ask_model("hello")  # expect: unused-awaitable
