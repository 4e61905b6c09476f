print("a".startswith(prefix="a"))  # expect: positional-only-parameter-as-kwarg
