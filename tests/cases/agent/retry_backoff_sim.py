attempt_results = [False, False, True]
delays = []
delay = 0.5
for attempt, ok in enumerate(attempt_results, 1):
    if ok:
        print(f"succeeded on attempt {attempt}")
        break
    delays.append(delay)
    delay = min(delay * 2, 4.0)
else:
    print("gave up")
print("waited", delays, "total", sum(delays))
