# xfail: asan: expected RuntimeError: no canned answer left, monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
a = ask("first")
print(a)
b = ask("second")
print(b)
