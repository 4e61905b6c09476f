for city in ["Paris", "Rome"]:
    w = get_weather(city)
print(city, w["temp"])
for i in range(3):
    last = i
print(i + last)
