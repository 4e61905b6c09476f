c = make_client("u")
c.aget("/x")  # expect: unused-awaitable
