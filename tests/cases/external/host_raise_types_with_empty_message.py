# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
for kind in ["ValueError", "KeyError", "StopIteration"]:
    try:
        poke(kind)
    except Exception as e:
        print(type(e).__name__, repr(e), e.args)
