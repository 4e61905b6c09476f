# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def op():
    try:
        {}["key"]
    except KeyError:
        log("handling")
        raise
try:
    op()
except KeyError as e:
    print("re-raised", repr(e))
