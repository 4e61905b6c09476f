# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
attempts = 0
while True:
    attempts += 1
    try:
        r = flaky(attempts)
        break
    except ConnectionError as e:
        print("attempt", attempts, "failed:", e)
        if attempts >= 5:
            raise
print("result", r, "after", attempts)
