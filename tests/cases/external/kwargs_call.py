# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
r = search(query="cats", limit=3)
print(len(r), r)
r2 = search("dogs", limit=1)
print(r2)
