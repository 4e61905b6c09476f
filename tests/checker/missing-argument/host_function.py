w = get_weather()  # expect: missing-argument "`city`"
