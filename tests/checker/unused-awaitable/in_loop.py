for u in ["a", "b"]:
    fetch_json(u)  # expect: unused-awaitable
