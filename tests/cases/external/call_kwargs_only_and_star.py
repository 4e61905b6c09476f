# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
send_many("ch", *["m1", "m2"], urgent=True, **{"retries": 2})
print("sent")
