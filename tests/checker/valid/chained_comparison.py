t = get_weather("x")["temp"]
if 0 < t <= 30:
    print("mild")
print(1 < 2 < 3, "a" < "b", [1] < [2], (1, 2) < (1, 3))
