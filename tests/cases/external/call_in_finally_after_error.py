# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def process():
    try:
        raise ValueError("local failure")
    finally:
        release("lock-1")
try:
    process()
except ValueError as e:
    print("caught", e)
print(status("lock-1"))
