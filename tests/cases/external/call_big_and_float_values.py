# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
a = get_value("big")
b = get_value("float")
c = get_value("neg")
print(a, a + 1, type(a).__name__)
print(b, b * 2, type(b).__name__)
print(c, c // 7, -c)
record(a * 2, b / 4, c)
