# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
ids = {"a": 1, "b": 2}
resolved = {k: resolve(v) for k, v in ids.items()}
print(resolved)
print(sorted(resolved.values()))
