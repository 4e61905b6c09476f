# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
print(f"Weather: {describe('Oslo')} / {describe('Rome').upper()}")
