# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
try:
    risky()
except RuntimeError as e:
    print("fallback after", e)
    v = safe()
    print("got", v)
