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
