w = get_weather("Paris")
print(w["temperature"])  # expect: invalid-key "Weather"
