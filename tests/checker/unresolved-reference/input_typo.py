print(user_qeury.upper())  # expect: unresolved-reference "user_query"
