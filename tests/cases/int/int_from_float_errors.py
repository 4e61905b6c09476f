for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(int(2.5), int(-2.5), int(1e300) % 1000)
