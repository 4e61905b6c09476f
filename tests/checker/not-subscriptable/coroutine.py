async def main():
    data = fetch_json("u")
    return data["items"]  # expect: not-subscriptable "await"
