def handle(city):
    return get_forcast(city)  # expect: unresolved-reference "get_forecast"

handle("x")
