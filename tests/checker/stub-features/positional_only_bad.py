pos_only(a=1, b=2)  # expect: positional-only-parameter-as-kwarg; positional-only-parameter-as-kwarg
