w = get_weather("Oslo")
if "humidity" in w:
    print(w["humidity"] + 1)
keys = list(w.keys())
print(keys, w.get("temp"), len(w))
for field in w:
    print(field.upper())
