w = get_wether("Paris")  # expect: unresolved-reference "get_weather"
print(w)
