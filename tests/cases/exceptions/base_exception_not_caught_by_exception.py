try:
    try:
        raise KeyboardInterrupt("ctrl-c")
    except Exception:
        print("wrong handler")
except BaseException as e:
    print("base caught", type(e).__name__, e)
