if user_query < 3:  # expect: unsupported-operator
    pass
