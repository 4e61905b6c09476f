users = list_users(limit=5)  # expect: positional-only-parameter-as-kwarg "`limit`"
