t = get_weather("x")["temp"]
if t > 30:
    label = "hot"
elif t > 15:
    label = "mild"
else:
    label = "cold"
print(label.upper())
