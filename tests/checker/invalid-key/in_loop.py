for day in get_forecast("x"):
    print(day["date"])  # expect: invalid-key
