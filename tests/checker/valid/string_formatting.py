temp = get_weather("Paris")["temp"]
print("%.1f degrees" % temp, "{:.2f}".format(temp), f"{temp:.1f}", "{name}".format(name="x"))
print(str(temp) + " C", repr(temp), format(temp, ".2f"))
