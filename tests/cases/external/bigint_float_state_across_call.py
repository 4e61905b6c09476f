# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
big = 3 ** 200
f = 1 / 3
neg = -(2 ** 70)
r = sync()
print(big % 1000007, f, neg, r, big * r % 97, f * r)
