print(-user_query)  # expect: unsupported-operator
