w = get_weather("Paris")
print(w["sumary"])  # expect: invalid-key "did you mean"
