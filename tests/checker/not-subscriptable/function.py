print(get_weather["Paris"])  # expect: not-subscriptable "called with (...)"
