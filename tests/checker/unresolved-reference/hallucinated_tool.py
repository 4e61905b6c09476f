data = fetch_weather_data("Paris")  # expect: unresolved-reference
print(data)
