# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
try:
    v = compute(2)
except ValueError:
    print("failed")
else:
    w = compute(v)
    print("else got", v, w)
finally:
    print("finally")
