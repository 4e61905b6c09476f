try:
    risky()
except RuntimeError as e:
    print("fallback after", e)
    v = safe()
    print("got", v)
