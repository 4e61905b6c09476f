# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
matrix = [[lookup(r, c) for c in range(2)] for r in range(2)]
print(matrix)
