result = None
for attempt in range(3):
    try:
        result = get_price("ACME")
        break
    except Exception:
        log("retry", attempt)
print(result)
