w = get_weather("Paris")
print(w)
print(w["temp"], w["sky"])
