def compute():
    return 1

async def main():
    return await compute()  # expect: invalid-await
