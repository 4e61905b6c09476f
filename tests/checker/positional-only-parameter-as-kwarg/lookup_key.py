v = lookup(key="x")  # expect: positional-only-parameter-as-kwarg
