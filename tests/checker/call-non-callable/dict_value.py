w = get_weather("x")
print(w["temp"]())  # expect: call-non-callable
