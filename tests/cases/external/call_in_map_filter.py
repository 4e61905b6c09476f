# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
nums = [1, 2, 3, 4]
print(list(map(square, nums)))
print(list(filter(lambda n: is_ok(n), nums)))
