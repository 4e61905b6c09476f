# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
send(None, True, 3, 2.5, "s", [1, "a"], {"k": [1, 2]})
send(flag=False, items=[], nested={"a": {"b": 1}})
print("sent")
