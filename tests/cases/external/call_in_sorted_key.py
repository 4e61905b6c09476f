# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
items = ["b", "a", "c"]
print(sorted(items, key=lambda s: score(s)))
