for kind in ["ValueError", "TypeError", "KeyError", "RuntimeError", "PermissionError", "TimeoutError"]:
    try:
        op(kind)
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
