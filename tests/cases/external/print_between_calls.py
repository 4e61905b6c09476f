# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
print("start", end="")
a = step(1)
print(" after step1", a, end="|")
b = step(2)
print()
print("end", a + b)
