# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
for kind in ["ValueError", "TypeError", "KeyError", "RuntimeError", "PermissionError", "TimeoutError"]:
    try:
        op(kind)
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
