# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
names = ["b", "c", "a"]
ranked = sorted((priority(n), n) for n in names)
print(ranked)
print([n for _, n in ranked])
