# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def op():
    try:
        raise ValueError("pending")
    finally:
        audit("finally ran")
try:
    op()
except ValueError as e:
    print("still propagating:", e)
