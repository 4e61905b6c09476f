# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
words = ["alpha", "be", "gamma"]
print(min(words, key=lambda w: cost(w)))
print(max(words, key=lambda w: cost(w)))
