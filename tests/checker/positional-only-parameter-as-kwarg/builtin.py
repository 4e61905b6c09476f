print(len(obj=[1]))  # expect: positional-only-parameter-as-kwarg
