w = get_weather("x")
w["tmp"] = 3.0  # expect: invalid-key "temp"
