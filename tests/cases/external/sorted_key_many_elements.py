# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
words = ["delta", "alpha", "echo", "bravo", "charlie"]
ranked = sorted(words, key=lambda w: rank(w), reverse=True)
print(ranked)
