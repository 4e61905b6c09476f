# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
total = sum(size(f) for f in ["a.txt", "b.txt", "c.txt"])
print(total)
print(any(exists(f) for f in ["x", "y", "z"]))
