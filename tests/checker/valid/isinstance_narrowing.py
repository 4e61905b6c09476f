raw = lookup("value")
if isinstance(raw, str):
    print(raw.strip())
elif isinstance(raw, (int, float)):
    print(raw * 2)
elif isinstance(raw, list):
    print(len(raw))
