w = get_weather("Paris", unit="f")  # expect: unknown-argument "did you mean `units`"
