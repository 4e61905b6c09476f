# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
try:
    v = fetch("missing")
except KeyError as e:
    print("caught", type(e).__name__, e)
v = fetch("present")
print(v)
