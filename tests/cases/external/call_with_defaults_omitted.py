# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
r1 = query("users")
r2 = query("users", limit=5)
r3 = query("users", 2, order="desc")
print(r1, r2, r3)
