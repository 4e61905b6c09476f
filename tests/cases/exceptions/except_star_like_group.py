errors = []
for item in ["1", "two", "3", None, "4.5"]:
    try:
        errors.append(("ok", int(item)))
    except (ValueError, TypeError) as e:
        errors.append((type(e).__name__, str(e)))
for row in errors:
    print(row)
