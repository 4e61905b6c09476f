# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
w = get_weather("Paris")
print(w)
print(w["temp"], w["sky"])
