# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def work():
    try:
        return compute(1)
    finally:
        log_event("done")
print(work())
