# xfail: asan: expected KeyError: 'missing', monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
data = load("a")
print("loaded", data)
value = data["missing"]
