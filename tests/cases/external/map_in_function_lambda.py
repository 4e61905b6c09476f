# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def enrich(ids, suffix="!"):
    return list(map(lambda i: label(i) + suffix, ids))
print(enrich([1, 2]), enrich([3], suffix="?"))
