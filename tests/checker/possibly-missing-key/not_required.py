w = get_weather("Paris")
print(w["humidity"] + 1)  # expect: possibly-missing-key "get"
if "humidity" in w:
    print(w["humidity"])
print(w.get("humidity", 0))
