w = get_weather("Paris", units="kelvin")  # expect: invalid-argument-type
