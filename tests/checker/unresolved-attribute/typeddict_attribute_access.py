w = get_weather("Paris")
print(w.temp)  # expect: unresolved-attribute "a TypedDict is a dict"
