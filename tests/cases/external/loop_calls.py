# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
cities = ["Paris", "Oslo", "Rome"]
temps = {}
for c in cities:
    temps[c] = get_temp(c)
print(temps)
warmest = max(temps, key=temps.get)
print(f"warmest: {warmest} at {temps[warmest]}C")
