# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
ids = [5, 6, 7, 8]
valid = list(filter(lambda i: check(i), ids))
names = list(map(lambda i: name_of(i).title(), valid))
print(valid, names)
