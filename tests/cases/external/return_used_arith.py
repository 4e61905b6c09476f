# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
a = get_num("a")
b = get_num("b")
print(a + b, a * b, a / b, a // b, a % b)
print(f"{a / b:.3f}")
