cities = ["Paris", "Oslo", "Rome"]
temps = {}
for c in cities:
    temps[c] = get_temp(c)
print(temps)
warmest = max(temps, key=temps.get)
print(f"warmest: {warmest} at {temps[warmest]}C")
