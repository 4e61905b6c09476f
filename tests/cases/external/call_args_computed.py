# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
items = [{"id": i, "tags": ["t%d" % i] * i} for i in range(1, 4)]
for it in items:
    save(it["id"], tags=it["tags"], count=len(it["tags"]))
print("saved", len(items))
