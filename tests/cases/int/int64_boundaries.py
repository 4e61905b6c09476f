# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/obj_int.c:380:31 in
M = 2 ** 63
vals = [M - 1, -M, M, -M - 1, 2 ** 62, -(2 ** 62), 2 ** 31, 2 ** 32 - 1]
for v in vals:
    print(v, v + 1, v - 1, v * 2, -v, abs(v), v // 3, v % 7, v >> 1, v << 1)
print((M - 1) + 1 == M, -M - 1 < -M, (M - 1) * (M - 1), (-M) * (-1), (-M) // -1)
print(-M % 5, M % -5, divmod(-M, 7), 3037000499 ** 2, 3037000500 ** 2)
