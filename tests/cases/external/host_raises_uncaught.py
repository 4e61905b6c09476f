# xfail: asan: expected ValueError: bad key: boom, monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
print("calling")
fetch("boom")
print("never")
