w = get_weather("Paris", "c")  # expect: too-many-positional-arguments "expected 1, got 2"
