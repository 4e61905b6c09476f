w = get_weather(75001)  # expect: invalid-argument-type
